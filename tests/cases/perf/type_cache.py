# Class attribute lookups stay right when classes change (the type attribute cache).
class A:
    def f(self):
        return "A.f"
class B(A):
    pass
b = B()
for _ in range(3):
    print(b.f())
A.f = lambda self: "new A.f"
print(b.f())
B.f = lambda self: "B.f"
print(b.f())
del B.f
print(b.f())
b.f = lambda: "instance f"
print(b.f())
del b.f
print(b.f())
del A.f
try:
    b.f()
except AttributeError as e:
    print("AttributeError", e)
A.__dict__  # reading is fine
def make():
    class C:
        x = 1
    return C
for i in range(5):
    C = make()
    C.x = i
    print(C().x, C.x)
class Base:
    y = "base"
class Left(Base):
    pass
class Right(Base):
    y = "right"
class M(Left, Right):
    pass
print(M().y)
Right.y = "right2"
print(M().y)
del Right.y
print(M().y)
Left.y = "left"
print(M().y)
