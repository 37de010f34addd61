import sys

def outer():
    p = sys._getframe().f_locals
    def inner():
        return later
    print(list(p))
    print("later" in p)
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    later = 1
    print(list(p))
    print(p["later"], inner())

outer()
