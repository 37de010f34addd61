def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print((1, 2, 3).index(3), (1, 2, 2).count(2), (1, 2, 2, 2).index(2, 2), (1,) * 3, () == (), (1, 2) < (1, 2, 3))
t(lambda: (1, 2, 3).index(4))
t(lambda: (1, 2)[5])
t(lambda: (1, 2) + [3])
print(tuple('ab'), tuple(range(3)), tuple([1, 2]) is tuple([1, 2]), (1, 2)[::-1], (1, 2, 3)[1:])
