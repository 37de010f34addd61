def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

r = range(0, 20, 3)
print(r.index(9), r.count(9), r.count(10), 9 in r, 10 in r, 2.0 in range(3), True in range(3), -3 in r)
t(lambda: r.index(10))
t(lambda: range(3).index('a'))
print(range(3).index(2.0), range(5).count(1.0))
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), list(reversed(range(0))))
