import sys

def f(arg, other):
    def inner():
        return arg
    p = sys._getframe().f_locals
    print(list(p))
    p["arg"] = "changed"
    print(arg, inner())
    print(f.__code__.co_varnames, f.__code__.co_cellvars)

f("original", 2)
