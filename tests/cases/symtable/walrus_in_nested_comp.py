def f(m):
    return [[(z := c) for c in row] for row in m], z
