x = 0
def f():
    global x
    global a, b, c
    x = 1
    def g():
        nonlocal_value = 1
        def h():
            nonlocal nonlocal_value
            nonlocal_value += 1
        return h
    return g
