# type.__dict__ is a read-only mappingproxy.
class A:
    x = 1
p = A.__dict__
MP = type(p)
print(type(p).__name__, p["x"], "x" in p, p.get("zz", 5), type(p.keys()).__name__)
print(p == dict(p), len(p) == len(dict(p)), sorted(k for k in p if not k.startswith("__")))
print(repr(MP({1: 2})), str(MP({1: 2})), MP({1: 2}) | {3: 4}, MP({1: 2}).copy())
print(list(MP({"a": 1, "b": 2}).items()), list(reversed(MP({"a": 1, "b": 2}))))
for f in [lambda: p.__setitem__("y", 1), lambda: MP([1]), lambda: MP(5), lambda: p["nope"]]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
try:
    p["y"] = 1
except TypeError as e:
    print(e)
try:
    del p["x"]
except TypeError as e:
    print(e)
d = {1: 2}
print(d.keys().mapping, d.values().mapping, d.items().mapping, type(d.keys().mapping).__name__)
print(int.__dict__["__add__"], type(int.__dict__).__name__)
