import sys

def gen():
    x = yield
    yield x

g = gen()
fr = g.gi_frame
print(fr.f_lasti, fr.f_lineno - gen.__code__.co_firstlineno)
next(g)
print(fr.f_lasti, fr.f_lineno - gen.__code__.co_firstlineno)
g.send(5)
print(fr.f_lasti, fr.f_lineno - gen.__code__.co_firstlineno)
for _ in g:
    pass
print(fr.f_lasti, fr.f_lineno - gen.__code__.co_firstlineno)
