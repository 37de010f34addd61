import sys

def f():
    x = 1
    a = locals()
    b = locals()
    print(type(a).__name__, a is b, a == b)
    a["x"] = 100
    a["y"] = 2
    print(x, "y" in locals(), sorted(locals()))
    x = 5
    print(a["x"], locals()["x"])
    print(sorted(a))

f()
