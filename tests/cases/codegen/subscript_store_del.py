a[b] = c
del a[b]
del a[1:2]
a[1:2] = c
