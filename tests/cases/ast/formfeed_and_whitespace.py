x = 1

def f():
    y = 2
    return y
z = 3
