class A:
    def f(self): return "A.f"
    @classmethod
    def c(cls): return "A.c " + cls.__name__
class B(A):
    def f(self): return "B>" + super().f()
    @classmethod
    def c(cls): return "B>" + super().c()
class C(B):
    def f(self): return "C>" + super(B, self).f()
print(C().f(), B().f(), C.c(), B.c())
print(super(C, C()).f())
