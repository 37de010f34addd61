import sys

def f():
    p = sys._getframe().f_locals
    x = 1
    print(p["x"])
    x = "changed"
    print(p["x"])
    y = [1]
    y.append(2)
    print(p["y"], p["y"] is y)
    del x
    print("x" in p)
    x = 3
    print(p["x"])

f()
