del ()
del []
del (a), [b]
del ((a, b), [c])
del a.b.c, d[e][f]
del (a)[0]
