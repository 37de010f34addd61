f(a, **kw, *args, *more)
