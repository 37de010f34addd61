import sys

def f():
    return sys._getframe().f_globals

print(f() is globals())
print(sys._getframe().f_globals is globals())
ns = {"sys": sys}
exec("def h():\n    return sys._getframe().f_globals\n", ns)
print(ns["h"]() is ns)
print(ns["h"]() is globals())
print(type(f()).__name__)
