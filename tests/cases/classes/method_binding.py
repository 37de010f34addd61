class A:
    def m(self): return self
a = A()
bm = a.m
print(bm() is a, bm.__self__ is a, bm.__func__ is A.m, A.m(a) is a)
print(type(bm).__name__, type(A.m).__name__)
print(a.m == a.m, a.m is a.m)
