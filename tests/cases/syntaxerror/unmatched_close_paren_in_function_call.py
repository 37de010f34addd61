def f():
    return g(1))
