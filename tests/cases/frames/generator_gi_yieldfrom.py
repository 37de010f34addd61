def inner():
    yield "a"
    yield "b"

def outer():
    yield from inner()
    yield "c"

g = outer()
print(g.gi_yieldfrom)
print(next(g))
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.gi_code.co_name)
print(g.gi_yieldfrom.gi_frame.f_lineno - inner.__code__.co_firstlineno)
print(g.gi_frame.f_lineno - outer.__code__.co_firstlineno)
next(g)
print(next(g), g.gi_yieldfrom)

def over_iter():
    yield from iter([1, 2])

h = over_iter()
next(h)
print(type(h.gi_yieldfrom).__name__)
