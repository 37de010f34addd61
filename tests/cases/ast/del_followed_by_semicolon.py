del a; b = 1
del c, d; del e
