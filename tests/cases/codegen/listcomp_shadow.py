def f(x):
    a = [x for x in x]
    return x
