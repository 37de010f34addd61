def f(a):
    def g():
        nonlocal zz
        nonlocal yy
