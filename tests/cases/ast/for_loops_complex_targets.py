for (a, b), [c, *d] in e:
    pass
for x.y, z[0] in w:
    pass
for *a, b in c:
    pass
for ((a)) in b:
    pass
