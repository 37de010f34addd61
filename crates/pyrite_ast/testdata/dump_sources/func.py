@deco
def f(a, /, b: int = 1, *args, c, d=2, **kw) -> None:
    "doc"
    return a
