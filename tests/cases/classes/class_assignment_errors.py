# obj.__class__ and obj.__dict__ assignment, with CPython's checks.
class A:
    def hello(self): return "A"
class B:
    def hello(self): return "B"
class S:
    __slots__ = ("x",)
a = A()
a.__class__ = B
print(type(a).__name__, a.hello(), isinstance(a, B), a.__class__ is B)
for value in [int, 5, S]:
    try:
        a.__class__ = value
    except TypeError as e:
        print(e)
try:
    del a.__class__
except TypeError as e:
    print(e)
a.__dict__ = {"z": 3}
print(a.z, vars(a))
try:
    a.__dict__ = []
except TypeError as e:
    print(e)
print(A.__class__, (5).__class__, type(A.__dict__).__name__)
print([k for k in sorted(dir(object)) if k != "__doc__"][:4], "__class__" in object.__dict__)
print(object.__format__(A(), ""), "|", format(5, ""))
try:
    object.__format__(A(), "x")
except TypeError as e:
    print(e)
