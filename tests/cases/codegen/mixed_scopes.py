x = 1
def f():
    global x
    x = 2
    y = x
    def g():
        nonlocal y
        y = 3
    return g
