t = (1, 2, 3)
a, b, c = t
print(a, b, c, t, len(t), t[1:], t + (4,), t * 2)
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
print(first, rest, init, last)
x, (y, z) = 1, (2, 3)
print(x, y, z)
a, b = b, a
print(a, b, (1,), (), tuple([5, 6]), t.index(2), t.count(3))
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
