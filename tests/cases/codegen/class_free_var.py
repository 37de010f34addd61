def f(x):
    class C:
        y = x
        def g(self): return x
    return C
