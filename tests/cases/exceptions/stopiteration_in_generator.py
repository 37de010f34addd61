def gen():
    yield 1
    raise StopIteration("x")
try:
    list(gen())
except RuntimeError as e:
    print(e, repr(e.__cause__))
