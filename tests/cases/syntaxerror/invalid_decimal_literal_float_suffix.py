def f():
    return 3.14e_x
