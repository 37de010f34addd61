def f():
    return [(y := x) for x in a]
