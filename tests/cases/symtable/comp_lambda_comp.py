def f(xs):
    return [lambda: [x + y for y in xs] for x in xs]
