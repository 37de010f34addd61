class C:
    y = 1
    zs = [y for y in range(3)]
    ws = [y for _ in range(3)]
