def f():
    return ((x, y) for x in a for y in b if y)
