a, b = 1, 2
[c, d] = e
a, *b, c = f
