class C:
    x = 1
    f = lambda self: x
