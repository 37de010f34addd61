import sys
def gen():
    try:
        raise KeyError("in gen")
    except KeyError:
        yield sys.exception()
        yield sys.exception()
g = gen()
print(repr(next(g)))
print(repr(sys.exception()))
try:
    raise ValueError("outer")
except ValueError:
    print(repr(next(g)))
    print(repr(sys.exception()))
def g2():
    yield sys.exception()
try:
    raise TypeError("t")
except TypeError:
    print(repr(next(g2())))
async def co():
    return sys.exception()
c = co()
try:
    raise IndexError("i")
except IndexError:
    try:
        c.send(None)
    except StopIteration as e:
        print(repr(e.value))
