def f():
    x = 'outer'
    ys = [x for x in range(3)]
    return x, ys
