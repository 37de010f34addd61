def f():
    for x in y:
        if x
            return x
