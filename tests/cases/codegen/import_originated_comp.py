import m
x = [m.f(i) for i in y]
def g():
    return m.f(1)
