import sys

def outer():
    free = "from outer"
    def inner():
        p = sys._getframe().f_locals
        print(list(p))
        print(p["free"])
        p["free"] = "written by inner"
        return free
    print(inner())
    print(free)

outer()
