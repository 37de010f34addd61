def f():
    global g
    g = 1
    def h():
        nonlocal x
        x = 2
    x = 1
    return h
