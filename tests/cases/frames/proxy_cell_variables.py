import sys

def outer():
    cell = "outer value"
    def inner():
        return cell
    p = sys._getframe().f_locals
    print(p["cell"])
    p["cell"] = "written via proxy"
    print(cell, inner())
    cell = "assigned"
    print(p["cell"])
    print(list(p))
    return inner

print(outer()())
