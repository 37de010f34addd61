def f(x: int = 0, y: str):
    pass
