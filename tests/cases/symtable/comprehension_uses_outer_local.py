def f():
    n = 2
    return [i * n for i in range(3)]
