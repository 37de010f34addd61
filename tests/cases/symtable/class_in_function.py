def f(a):
    b = 1
    class C(a):
        c = b
        def m(self):
            return a, b
    return C
