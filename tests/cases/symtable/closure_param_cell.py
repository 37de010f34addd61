def f(x, *args, **kwargs):
    return lambda: (x, args, kwargs)
