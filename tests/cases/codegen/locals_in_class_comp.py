class C:
    a = [b for b in range(3)]
    c = {d: e for d, e in x}
