# Subclasses of built-ins reaching the built-in slots through super() and the type.
class D(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v * 2)
    def __getitem__(self, k):
        return dict.__getitem__(self, k) + 1
d = D()
d["a"] = 1
print(d["a"], dict(d), d.get("a"))
class L(list):
    def __init__(self, *items):
        list.__init__(self)
        self.extend(items)
    def __len__(self):
        return super().__len__() * 10
    def __contains__(self, x):
        return list.__contains__(self, x) or x == "any"
l = L(1, 2)
print(l, len(l), 1 in l, "any" in l, 5 in l, type(l).__name__)
class I(int):
    def __add__(self, other):
        return I(int.__add__(self, other) * 100)
    def __repr__(self):
        return f"I({super().__repr__()})"
print(I(1) + 2, 2 + I(1), I(3).__radd__(1))
class S(str):
    def __mod__(self, other):
        return "S:" + str.__mod__(self, other)
print(S("%d") % 5)
class Base(dict):
    def __init__(self, *args):
        print("Base init")
        super().__init__(*args)
class Child(Base):
    pass
c = Child({"y": 2}); c["x"] = 1
print(c)
print(L.__len__, L.__iter__, I.__sub__)
