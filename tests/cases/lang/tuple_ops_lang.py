t = (1, 2, 3, 2)
print(t, t.count(2), t.index(3), t[1:], t + (4,), t * 2, len(t), 2 in t)
print((1,), (), tuple("ab"), tuple([1, 2]), (1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 9))
a, b = b, a = 1, 2
print(a, b)
point = (3, 4)
x, y = point
print(x * y, hash((1, 2)) == hash((1, 2)), {(1, 2): "ok"}[(1, 2)])
try:
    t[0] = 5
except TypeError as e:
    print(e)
try:
    t.index(9)
except ValueError as e:
    print(e)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
