def inner():
    try:
        yield 1
    except ValueError as e:
        print("inner caught", repr(e))
        yield 2
    return "inner done"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield 3

g = outer()
print(next(g))
print(g.throw(ValueError("x")))
print(next(g))

def closing_inner():
    try:
        yield 1
    finally:
        print("inner closed")

def closing_outer():
    try:
        yield from closing_inner()
    finally:
        print("outer closed")

h = closing_outer()
next(h)
h.close()
print(h.gi_frame)

class It:
    def __iter__(self):
        return self
    def __next__(self):
        return "it"
    def throw(self, *args):
        print("It.throw", [type(a).__name__ for a in args])
        raise StopIteration("from throw")

def over_it():
    r = yield from It()
    print("r =", r)
    yield "last"

k = over_it()
print(next(k))
print(k.throw(KeyError("z")))
