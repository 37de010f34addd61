import sys

def f(arg):
    x = 10
    p = sys._getframe().f_locals
    p["x"] = 20
    p["arg"] = "new arg"
    print(x, arg)
    p["x"] += 1
    print(x)
    return p

p = f("old")
print(p["x"], p["arg"])
