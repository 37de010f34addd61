global a
a = 1
def f():
    return a
