def f(*args: *Ts): pass
def g():
    x: int = yield
    y: tuple = *a, *b
