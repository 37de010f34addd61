a, *b, c = range(6)
print(a, b, c)
*init, last = "xyz"
print(init, last)
(p, q), *rest = [(1, 2), 3, 4]
print(p, q, rest)
first, *_ = [10]
print(first, _)
print([*range(3), *"ab", *{"k": 1}])
print({*range(3), *[2, 3]} == {0, 1, 2, 3})
print({**{"a": 1}, "b": 2, **{"a": 3}})
print(*[1, 2], *(3,), sep="-")
for x, *ys in [(1, 2, 3), (4,)]:
    print(x, ys)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    x, y = 1, 2, 3
except ValueError as e:
    print(e)
try:
    x, y, z = 1, 2
except ValueError as e:
    print(e)
try:
    x, y = 5
except TypeError as e:
    print(e)
