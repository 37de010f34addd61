def f(a: int, *b: str, c: 'x' = 1, **d: float) -> bool:
    pass
