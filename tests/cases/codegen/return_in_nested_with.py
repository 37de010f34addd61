def f():
    with a, b:
        return c
