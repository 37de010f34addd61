def f():
    return g(1,

x = 1
