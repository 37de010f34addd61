def f(x=lambda y y):
    pass
