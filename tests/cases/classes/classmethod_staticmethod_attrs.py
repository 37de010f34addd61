def f(x): return x
cm = classmethod(f); sm = staticmethod(f)
print(cm.__func__ is f, sm.__func__ is f, cm.__wrapped__ is f, sm.__wrapped__ is f)
class A:
    @staticmethod
    def s(x): return x * 2
    @classmethod
    def c(cls, x): return cls.__name__, x
print(A.s(2), A().s(3), A.c(1), A().c(2))
print(sm(5))
