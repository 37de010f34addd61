def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

a = [3, 1, 2]
a.sort(key=lambda x: -x)
print(a)
t(lambda: [1, 2].sort(key=lambda x: 1 / 0))
t(lambda: [1, 2].sort(reverse=True, foo=1))
t(lambda: sorted([1, 2], None))
print(sorted([(1, 2), (1, 1), (0, 5)]), sorted(['b', 'A', 'a'], key=str.lower), sorted([2, 1], reverse=1))
data = [('x', 2), ('y', 1), ('z', 2), ('w', 1)]
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(range(10), key=lambda v: v % 3))
