def f():
    x: int = 1
    y: undefined_name
    return x
