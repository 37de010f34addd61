def f():
    def g(x: int): pass
    return g
