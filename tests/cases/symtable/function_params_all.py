d = 1
def f(p, /, a, b=d, *args, k, kk=d, **kw):
    return p, a, b, args, k, kk, kw
