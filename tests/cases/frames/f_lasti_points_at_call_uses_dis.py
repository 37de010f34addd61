import dis
import sys

def callee():
    caller = sys._getframe(1)
    code = caller.f_code.co_code
    return dis.opname[code[caller.f_lasti]]

def f():
    x = callee()
    y = [callee() for _ in range(1)]
    z = callee(*())
    return x, y, z

print(f())

def gen():
    yield sys._getframe().f_lasti
    yield 2

g = gen()
next(g)
fr = g.gi_frame
print(dis.opname[g.gi_code.co_code[fr.f_lasti]])
