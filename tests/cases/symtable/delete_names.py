def f():
    x = 1
    del x
    global g
    del g
