import sys

def chain():
    names = []
    f = sys._getframe()
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names

def a():
    return b()

def b():
    return c()

def c():
    return chain()

print(a())
print(chain())
print((lambda: chain())())
