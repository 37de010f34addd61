import sys

def f():
    fr = sys._getframe()
    a = fr.f_lasti
    b = fr.f_lasti
    return a, b, fr

a, b, fr = f()
print(type(a).__name__, a % 2, b > a)
print(a, b)
print(fr.f_lasti >= b)
print(sys._getframe().f_lasti > 0)
