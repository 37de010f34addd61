def f():
    return a if b
