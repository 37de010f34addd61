def f():
    global x
    def g():
        return x
    x = 1
