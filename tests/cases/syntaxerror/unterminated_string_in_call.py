def f():
    print('oops)
