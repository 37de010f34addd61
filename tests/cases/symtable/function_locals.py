def f(a):
    b = a + c
    return b
