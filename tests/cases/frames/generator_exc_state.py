import sys

def gen():
    print("start:", sys.exception())
    yield
    print("resumed:", repr(sys.exception()))
    try:
        raise KeyError("inner")
    except KeyError:
        yield
        print("after yield in handler:", repr(sys.exception()))
    yield

g = gen()
next(g)
try:
    raise ValueError("outer")
except ValueError:
    next(g)
    next(g)
    print("caller sees:", repr(sys.exception()))
print(next(g, "exhausted"))
print("outside:", sys.exception())
