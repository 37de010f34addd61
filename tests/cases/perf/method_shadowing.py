# Method calls check that the instance dict does not shadow the class's function.
class A:
    def f(self):
        return "class f"

    def g(self):
        return "class g"


a = A()
for i in range(3):
    print(a.f(), a.g())
a.f = lambda: "instance f"
print(a.f(), a.g())
del a.f
print(a.f(), a.g())
# Many attributes (hash bits of many keys set), then the method.
for n in range(100):
    setattr(a, f"attr{n}", n)
print(a.f(), a.g(), a.attr99)
a.g = lambda: "instance g"
print(a.f(), a.g())


class B(A):
    def f(self):
        return "B f"


objs = [A(), B(), A(), B()]
for obj in objs:
    print(obj.f())
objs[1].f = lambda: "B instance f"
for obj in objs:
    print(obj.f())


class D(dict):
    pass


class WithCustomDict:
    def f(self):
        return "f"


w = WithCustomDict()
w.__dict__ = D(f=lambda: "from dict subclass")
print(w.f())
