for x in y:
    pass
else:
    pass
for a, b in c:
    pass
for (a, b), c in d:
    pass
for [a, b] in e:
    pass
for x.attr in y:
    pass
for x[0] in y:
    pass
for i in 1, 2, 3:
    pass
for j in *a, *b:
    pass
for k, in l:
    pass
