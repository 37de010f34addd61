import sys

G = "global"

def outer():
    n = "nonlocal"
    def inner():
        global G
        nonlocal n
        G = "changed global"
        n = "changed nonlocal"
        return list(sys._getframe().f_locals)
    print(inner())
    print(n, G)
    print(list(sys._getframe().f_locals))

outer()
