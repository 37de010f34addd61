a = [1 if x else 2]
b = (0 or 1)
c = 1 in y
d = 0x1 and 2
e = 1 is not None
