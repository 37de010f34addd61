def f():
    if c:
        x: int = 1
