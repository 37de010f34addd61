def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print([1, [2, 3]] == [1, [2, 3]], [1, 2] < [1, 2, 0], [[1]] < [[2]], [1, 'a'] == [1, 'a'])
print(3 in [1, 2, 3], 'x' in ['a'], [] in [[]], 1.0 in [1], [1, 2] > [1])
t(lambda: [1, 2] < [1, 'a'])
t(lambda: [1] < 5)
print(list((1, 2)) == [1, 2], list() == [], [0] * 3 == [0, 0, 0])
