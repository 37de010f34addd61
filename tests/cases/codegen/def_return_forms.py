def f():
    return
def g():
    return 1
def h():
    return (
        1)
def k(x):
    return x
