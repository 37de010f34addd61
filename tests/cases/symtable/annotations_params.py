def f(a: A, /, b: B = 1, *args: C, k: D, **kw: E) -> R:
    pass
