def g():
    yield 1
    x = yield
    yield from y
