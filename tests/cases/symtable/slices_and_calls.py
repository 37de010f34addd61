def f(x):
    return x[a:b:c], g(*args, key=val, **kwargs), {k: v, **m}, {s}, (t,)
