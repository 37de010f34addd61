del a
del a.b, a[0]
del (a, b), [c]
