class C:
    x: int
    def f[T](self): pass
