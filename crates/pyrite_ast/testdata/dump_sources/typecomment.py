def f(a,  # type: int
      b,
      ):
    # type: (...) -> None
    x = 1  # type: int
    for i in y:  # type: int
        pass
    with z as w:  # type: ignore
        pass
x = []  # type: ignore[misc]
