import sys

def plain():
    return sys._getframe().f_generator

def gen():
    yield sys._getframe().f_generator

async def coro():
    return sys._getframe().f_generator

async def agen():
    yield sys._getframe().f_generator

print(plain())
print(sys._getframe().f_generator)
g = gen()
print(next(g) is g, g.gi_frame.f_generator is g)

c = coro()
fr = c.cr_frame
try:
    c.send(None)
except StopIteration as e:
    print(e.value is c)
print(fr.f_generator is c)

a = agen()
step = a.asend(None)
try:
    step.send(None)
except StopIteration as e:
    print(e.value is a)
print(a.ag_frame.f_generator is a)
print(type((x for x in [sys._getframe().f_generator])).__name__)
print(next(sys._getframe().f_generator for x in [1]).__class__.__name__)
