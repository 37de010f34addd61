import sys

def f():
    a = sys._getframe()
    b = sys._getframe()
    print(a is b)
    print(sys._getframe(1) is sys._getframe(1))
    return a

def g():
    mine = sys._getframe()
    inner = f()
    print(inner.f_back is mine)
    print(inner is f())

g()
print(sys._getframe() is sys._getframe())
