def f():
    return (1)
def g():
    return (1,)
def h():
    yield (1, 2)
    yield (yield)
    yield (yield from x)
