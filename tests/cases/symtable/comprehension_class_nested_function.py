class C:
    x = 1
    ys = [lambda: x for _ in range(2)]
