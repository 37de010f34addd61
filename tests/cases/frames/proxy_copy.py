import sys

def f():
    x = 1
    p = sys._getframe().f_locals
    p["extra"] = "e"
    c = p.copy()
    print(type(c).__name__, sorted(c))
    c["x"] = 2
    print(x)
    x = 3
    print(c["x"], p["x"])
    print(dict(p) == p.copy())

f()
