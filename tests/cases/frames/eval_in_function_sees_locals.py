import sys

def f(arg):
    local = arg * 2
    def inner():
        return eval("local")
    try:
        print(inner())
    except NameError as e:
        print("NameError", e)
    print(eval("arg + local"))
    print(eval("sys._getframe().f_back.f_code.co_name"))
    print(eval("[v for v in (arg, local)]"))

f(3)
