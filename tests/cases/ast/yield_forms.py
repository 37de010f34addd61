def g():
    yield
    yield 1
    yield 1, 2
    yield *a, b
    x = yield
    y = yield from z
    f((yield))
    await_ = (yield x)
    return (yield from w)
