import sys

def f(a):
    b = "two"
    p = sys._getframe().f_locals
    print(len(p))
    print(repr(p))
    print(str(p))
    p["extra"] = [1]
    print(repr(p))
    it = iter(p)
    print(type(it).__name__, next(it), next(it))

f(1)
