def f(a, w):
    return f"{a!r:>{w}} {b=}"
