import sys

def f():
    p = sys._getframe().f_locals
    print("later" in p)
    p["later"] = "set through the proxy"
    print("later" in p)
    print(later)
    later = "assigned"
    print(p["later"])

f()
