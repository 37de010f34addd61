def f(m):
    return [list(c for c in row) for row in m]
