a, *b = range(5)
*c, d = x
first, *middle, last = items
[*e] = f
(*g,) = h
for i, *rest in pairs:
    pass
x, (y, *z) = 1, (2, 3, 4)
