a.b, c[0], *d.e[1] = f()
(g.h).i = 1
[j[0], (k.l, m)] = n
