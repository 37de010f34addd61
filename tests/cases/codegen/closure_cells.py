def f(a):
    b = 1
    def g():
        return a + b
    return g
