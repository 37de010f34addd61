def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(slice(3), slice(1, 2), slice(1, 2, 3), slice(None, None, -1))
print(slice(1, 2).start, slice(1, 2).stop, slice(1, 2).step)
print(slice(1, 10, 2).indices(5), slice(None, None, -1).indices(10), slice(-3, None).indices(2), slice(5, 1, -2).indices(4))
t(lambda: slice(1, 2, 0).indices(5))
t(lambda: slice(1, 2).indices(-1))
t(lambda: slice(1, 2).indices('a'))
t(lambda: slice('a', 2).indices(3))
t(lambda: slice())
t(lambda: slice(1, 2, 3, 4))
print(hash(slice(1, 2)) == hash(slice(1, 2)), slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3), slice(1) != slice(2))
t(lambda: hash(slice([], 1)))
