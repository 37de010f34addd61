def f():
    x = (yield y) = 2
