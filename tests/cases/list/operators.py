def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print([1, 2] * 2, 2 * [0], [1] * 0, [1] * -1, [1, 2] + [3])
x = [1, 2]; y = x; x *= 3; print(x, y is x)
x = [1, 2]; x += (3,); print(x)
print([1, 2] < [1, 3], [1, 2] == [1, 2], [1] < [1, 0], [2] > [1, 9], [] == [], [1, 2] != [1, 2.0])
t(lambda: [1, 2] + (3,))
t(lambda: [1] * 'a')
t(lambda: [1] < [None])
