def f():
    print 'x', y
