def f(x):
    if __debug__:
        if x:
            return 1
        print("debug")
    elif x:
        return 2
    return 3
