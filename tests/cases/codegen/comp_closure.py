def f():
    y = 1
    return [lambda: x + y for x in range(3)]
