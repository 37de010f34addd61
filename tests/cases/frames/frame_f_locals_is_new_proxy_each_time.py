import sys

def f():
    fr = sys._getframe()
    a = fr.f_locals
    b = fr.f_locals
    print(a is b)
    a["extra"] = 1
    print(b["extra"], sorted(b))
    print(sys._getframe().f_locals == a)

f()
