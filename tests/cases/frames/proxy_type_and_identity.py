import sys

def f():
    x = 1
    fr = sys._getframe()
    p1 = fr.f_locals
    p2 = fr.f_locals
    print(type(p1).__name__, type(p1).__module__, type(p1).__qualname__)
    print(p1 is p2, p1 == p2)
    print(isinstance(p1, dict))
    print(type(locals()).__name__)

f()
