import sys

def f():
    x = "before return"
    p = sys._getframe().f_locals
    return p

p = f()
print(list(p), p["x"])
p["x"] = "after return"
print(p["x"])
p["new"] = 1
print(sorted(p))
