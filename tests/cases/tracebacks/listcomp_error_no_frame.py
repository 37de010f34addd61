def f(values):
    return [1 / v for v in values]

f([1, 0])
