def f(n):
    return lambda x, n=n: x + n
