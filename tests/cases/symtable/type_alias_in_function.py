def f():
    x = 1
    type A = x
    return A
