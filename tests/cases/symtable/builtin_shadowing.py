def f():
    len = 1
    return print, len
