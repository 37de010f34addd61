def f():
    x = 1 if y else return
