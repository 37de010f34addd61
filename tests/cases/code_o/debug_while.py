def f(n):
    while __debug__:
        n -= 1
        if n < 0:
            break
    return n
