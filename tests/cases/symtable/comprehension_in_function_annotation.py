def f(a: [y for y in range(3)]):
    pass
