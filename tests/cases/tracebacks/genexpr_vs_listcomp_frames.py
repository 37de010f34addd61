def f(values):
    ok = [1 / v for v in values if v]
    gen = (1 / v for v in values)
    return ok, list(gen)

f([1, 0])
