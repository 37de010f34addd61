d = {"b": 1, "a": 2}
d["c"] = 3
print(d, list(d), list(d.values()), list(d.items()))
print({1: "int", 1.0: "float", True: "bool"})
print(dict(a=1, b=2), dict([("x", 1)]), dict({"y": 2}, z=3))
print({k: k * 2 for k in range(3)}, d.get("zz"), d.get("zz", 0), "a" in d)
s = {3, 1, 2}
print(sorted(s), len(s), 2 in s, s | {9} == {1, 2, 3, 9}, s & {1, 7}, s - {1}, sorted(s ^ {1, 5}))
print(frozenset([1, 2]) == {1, 2}, set(), frozenset(), {(1, 2): "tuple key"})
try:
    {[]: 1}
except TypeError as e:
    print(e)
try:
    d["missing"]
except KeyError as e:
    print(repr(e))
