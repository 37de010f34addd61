import sys

def f():
    p = sys._getframe().f_locals
    me = p
    print(repr(p))

f()
