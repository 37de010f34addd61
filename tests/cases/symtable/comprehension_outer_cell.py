def f():
    n = 2
    g = lambda: n
    return [i * n for i in range(3)]
