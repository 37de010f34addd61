def f(a=1, b=x):
    pass
def g(*, a=1, b):
    pass
