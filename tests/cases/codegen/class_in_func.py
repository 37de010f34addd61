def f():
    class C:
        y = x
    x = 1
    return C
