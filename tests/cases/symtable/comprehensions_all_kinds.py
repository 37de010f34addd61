def f(it):
    a = {x for x in it}
    b = {k: v for k, v in it}
    c = (x for x in it)
    d = [x for x in it]
    return a, b, c, d
