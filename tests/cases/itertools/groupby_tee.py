from itertools import groupby, tee
print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")])
print([(k, list(g)) for k, g in groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
groups = groupby("aabbc")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2), [(k, list(g)) for k, g in groups])
g = groupby([])
print(list(g))
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
print({k: list(v) for k, v in groupby(words, key=lambda w: w[0])})
a, b = tee(range(5))
print(list(a), list(b))
x, y, z = tee("abc", 3)
print(next(x), next(x), next(y), list(z), list(x), list(y))
print(tee([1], 0), len(tee([1])), type(tee([])[0]).__name__)
a, b = tee(iter(range(1000)))
total = 0
for i, (p, q) in enumerate(zip(a, b)):
    total += p + q
print(total)
c = a.__copy__()
print(list(c))
try:
    tee([], -1)
except ValueError as e:
    print(e)
