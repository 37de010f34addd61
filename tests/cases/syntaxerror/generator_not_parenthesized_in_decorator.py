@dec(1, x for x in y)
def f():
    pass
