import sys

def f():
    g = (sys._getframe().f_locals for item in [10, 20])
    print(g.gi_frame.f_code.co_varnames, g.gi_frame.f_code.co_argcount)
    print(sorted(g.gi_frame.f_locals))
    first = next(g)
    print(sorted(first))
    print(first["item"], type(first[".0"]).__name__)
    return g

g = f()
print(next(g)["item"])
