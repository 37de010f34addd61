import sys

def gen():
    print("running:", g.gi_running, g.gi_suspended, g.gi_frame is sys._getframe())
    yield 1
    yield 2

g = gen()
print("created:", g.gi_running, g.gi_suspended, g.gi_frame is not None)
print(g.gi_frame.f_lineno)
next(g)
print("suspended:", g.gi_running, g.gi_suspended, g.gi_frame.f_lineno)
next(g)
print("suspended again:", g.gi_frame.f_lineno)
try:
    next(g)
except StopIteration:
    pass
print("finished:", g.gi_running, g.gi_suspended, g.gi_frame)
