def f():
    x = 0
    def g():
        nonlocal x
        [x := i for i in range(3)]
    return g
