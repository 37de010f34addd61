def f():
    T = 1
    def g[T](): return T
    return T
