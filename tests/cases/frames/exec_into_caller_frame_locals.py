import sys

def set_in_caller(name, value):
    caller = sys._getframe(1)
    exec(f"{name} = {value!r}", caller.f_globals, caller.f_locals)

def read_in_caller(expr):
    caller = sys._getframe(1)
    return eval(expr, caller.f_globals, caller.f_locals)

def f():
    x = 1
    set_in_caller("x", 42)
    print(x)
    print(read_in_caller("x + 1"))
    set_in_caller("fresh", "extra")
    print(read_in_caller("fresh"))
    print("fresh" in locals())

f()
set_in_caller("module_level", 7)
print(module_level)
