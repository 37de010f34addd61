class A:
    __slots__ = ("a", "__dict__")
a = A(); a.a = 1; a.b = 2; print(a.__dict__)
class B:
    __slots__ = ()
try:
    B().x = 1
except AttributeError as e: print(e)
class C(B): pass
c = C(); c.x = 1; print(c.x)
