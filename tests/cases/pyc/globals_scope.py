g = 1
def read():
    return g
def write():
    global g
    g = 2
print(read()); write(); print(read(), g)
def shadow():
    g = 99
    return g
print(shadow(), g)
x = "module"
def uses_builtin():
    return len("abc"), max([1, 3, 2])
print(uses_builtin())
