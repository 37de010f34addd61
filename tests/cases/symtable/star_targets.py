def f(xs):
    a, *b = xs
    [c, d] = xs
    (e, (g, h)) = xs
    xs[0], xs.attr = 1, 2
