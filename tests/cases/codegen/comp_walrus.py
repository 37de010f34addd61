def f():
    [y := x for x in a]
    return y
