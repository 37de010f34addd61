def inner():
    yield 1
    raise ValueError("from generator")

def outer():
    yield from inner()

for _ in outer():
    pass
