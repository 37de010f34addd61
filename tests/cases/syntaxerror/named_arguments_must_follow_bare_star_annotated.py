def f(a: int, *) -> None:
    pass
