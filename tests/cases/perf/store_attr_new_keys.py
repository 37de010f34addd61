# First stores of instance attributes (new dict keys) and their later loads and updates.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

points = [P(i, -i) for i in range(5)]
for p in points:
    p.z = p.x + p.y
print([(p.x, p.y, p.z) for p in points])
print([list(vars(p)) for p in points[:2]])

# The order of keys follows the order of first stores, whatever the instance.
q = P(1, 2)
q.b = 1
q.a = 2
del q.x
q.x = 3
print(list(vars(q)), q.x)

# A data descriptor added to the class later wins over the instance dict.
class D:
    pass
d = D()
d.v = 1
print(d.v)
D.v = property(lambda self: "property")
print(d.v)
try:
    d.v = 5
except AttributeError as e:
    print("AttributeError", e)
del D.v
d.v = 7
print(d.v, vars(d))

# A dict subclass as __dict__.
class MyDict(dict):
    def __setitem__(self, key, value):
        print("never called", key)
        super().__setitem__(key, value)
e = D()
e.__dict__ = MyDict(a=1)
e.b = 2
print(type(e.__dict__).__name__, e.__dict__, e.a, e.b)

# Keys that are equal strings but distinct objects.
name = "".join(["na", "me"])
f = D()
setattr(f, name, 1)
f.name = 2
print(vars(f))

# Many attributes: the dict grows.
g = D()
for i in range(40):
    setattr(g, "a%d" % i, i)
print(len(vars(g)), g.a0, g.a39)

# Methods shadowed by instance attributes.
class M:
    def m(self):
        return "method"
h = M()
print(h.m())
h.m = lambda: "instance"
print(h.m())
del h.m
print(h.m())
