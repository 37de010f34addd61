print((5).__add__(2), (5).__truediv__(2), (5).__rtruediv__(2), (3).__index__(), int.__add__(1, 2))
print((1.5).__mul__(2), [1, 2].__len__(), {1: 2}.__len__(), (1).__lt__(2), bool.__or__(True, False))
