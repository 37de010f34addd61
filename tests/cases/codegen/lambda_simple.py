f = lambda: 0
g = lambda a, b=1, *c, d, e=2, **f: a
