def a():
    v = 0
    def b():
        def c():
            nonlocal v
            v = 2
        c()
    b()
    return v
