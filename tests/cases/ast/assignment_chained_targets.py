a = b = c = 0
x.y = z[0] = w = 1
