import sys

def f():
    p = sys._getframe().f_locals
    p["x"] = "extra before the local is bound"
    print(list(p), p["x"])
    x = "local"
    print(list(p), p["x"])
    del x
    print(list(p), p.get("x"))

def g():
    p = sys._getframe().f_locals
    print("y" in p)
    y = 1
    p.update({"y": 2, "z": 3})
    print(y, list(p))

f()
g()
