def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

d = {}
d[1] = d
print(d, {'a': [d]})
print({1: 2} == {1: 2}, {1: 2} != {1: 3}, {1: 2, 3: 4} == {3: 4, 1: 2}, {True: 1, 1: 2, 1.0: 3})
t(lambda: {1: 2} < {1: 3})
print(dict(a=1, b=2), dict([(1, 2)], c=3), dict({1: 2}), {**{1: 2}, 3: 4}, sorted({3: 1, 1: 2}))
