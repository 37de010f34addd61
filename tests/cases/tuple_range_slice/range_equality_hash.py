def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 5), range(1, 2, 5) == range(1, 3, 7), range(3) == [0, 1, 2])
print(hash(range(0)) == hash(range(3, 3)), hash(range(0, 10, 2)) == hash(range(0, 9, 2)), hash(range(1, 2, 5)) == hash(range(1, 3, 7)))
t(lambda: range(3) < range(4))
