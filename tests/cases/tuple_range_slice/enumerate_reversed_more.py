def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(list(enumerate('abc', -2)), list(enumerate(range(3), start=10**20)))
e = enumerate('ab')
print(next(e), next(e))
t(lambda: next(e))
t(lambda: enumerate())
t(lambda: enumerate([], start='a'))
print(list(zip('ab')), list(zip('abc', range(2))), list(zip(*[(1, 2), (3, 4)])))
r = reversed([1, 2, 3])
print(next(r), list(r), list(reversed(range(3))), list(reversed({1: 2, 3: 4})))
print(list(map(pow, [2, 3], [3, 2])), list(filter(str.isdigit, ['1', 'a', '22'])))
