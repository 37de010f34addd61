import sys

def f():
    total = 0
    p = sys._getframe().f_locals
    r = [p.__setitem__("total", p["total"] + i) for i in range(4)]
    print(total)
    seen = [p["i"] for i in range(2)]
    print(seen, "i" in p)

f()
