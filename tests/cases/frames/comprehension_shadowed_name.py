import sys

def f():
    x = "outer x"
    p = sys._getframe().f_locals
    during = [p["x"] for x in ["comp x"]]
    print(during)
    print(x, p["x"])
    def h():
        return [sorted(sys._getframe().f_locals) for y in "a"]
    print(h())

f()
