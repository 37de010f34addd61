import sys

def gen():
    yield sys._getframe()

g = gen()
fr = next(g)
print(fr.f_generator is g)
for _ in g:
    pass
print(g.gi_frame)
print(fr.f_generator is g)
print(fr.f_lineno, fr.f_code.co_name)
del g
print(type(fr.f_generator).__name__)
