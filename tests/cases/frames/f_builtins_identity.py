import sys
import builtins

def f():
    return sys._getframe().f_builtins

print(f() is builtins.__dict__)
print(sys._getframe().f_builtins is builtins.__dict__)
print(type(f()).__name__, "len" in f())

custom = {"len": lambda x: "custom len", "print": print}
ns = {"__builtins__": custom, "sys": sys}
exec("print(len([1, 2, 3]))\nfr = sys._getframe()\nprint(fr.f_builtins is __builtins__)\n", ns)
print(ns["fr"].f_builtins is custom)
