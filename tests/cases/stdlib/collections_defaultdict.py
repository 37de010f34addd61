from collections import defaultdict
dd = defaultdict(list)
dd["a"].append(1); dd["b"]
print(dd, dd.default_factory, sorted(dd), isinstance(dd, dict))
print(defaultdict(None, {1: 2}), defaultdict(int)["x"], defaultdict(int, a=1))
try:
    defaultdict(None)["k"]
except KeyError as e:
    print("KeyError", e)
try:
    defaultdict(1)
except TypeError as e:
    print("TypeError", e)
c = dd.copy(); c["z"].append(0); print(c, dd)
dd.default_factory = set; dd["s"].add(1); print(dd["s"])
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()))
class Sub(defaultdict):
    pass
s = Sub(str); s.attr = 5; s["q"]
print(s, s.attr)
print("a" in dd, dd.get("nope"), len(dd))
