import sys

def f(a, /, b, *args, c, **kwargs):
    return dict(sys._getframe().f_locals)

print(f(1, 2, 3, 4, c=5, d=6))

def g(*, only):
    return list(sys._getframe().f_locals)

print(g(only=1))
