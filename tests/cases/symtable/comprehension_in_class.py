class C:
    xs = [1, 2]
    ys = [x for x in xs]
    zs = [y for y in range(3) if y in xs]
