import sys

def gen():
    yield sys._getframe().f_back.f_code.co_name
    yield sys._getframe().f_back.f_code.co_name

def first():
    return next(g)

def second():
    return next(g)

g = gen()
print(first())
print(g.gi_frame.f_back)
print(second())
print(g.gi_frame.f_back)
