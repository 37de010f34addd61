def f(y):
    return [x * 2 for x in y]
