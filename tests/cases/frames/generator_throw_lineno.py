import sys

def gen():
    try:
        yield 1
    except KeyError:
        yield sys._getframe().f_lineno - gen.__code__.co_firstlineno
    yield "end"

g = gen()
next(g)
print(g.throw(KeyError))
print(g.gi_frame.f_lineno - gen.__code__.co_firstlineno)
