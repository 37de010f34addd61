def f(xs):
    for i, (j, *k) in xs:
        pass
    else:
        e = 1
    while cond():
        w = 1
    else:
        ew = 2
