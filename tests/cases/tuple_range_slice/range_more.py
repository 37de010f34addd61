def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

r = range(10, -10, -3)
print(list(r), r[2:], r[::-2], r[-1], r.index(-8), len(r), list(reversed(r)))
print(range(-5)[:], range(2, 20, 5)[1:3], range(0, 100, 7)[::3], range(10)[-3:-1])
print(list(range(5, 0, -1)), range(True, 3), range(3)[True])
print(3 in range(1, 10, 2), 4 in range(1, 10, 2), -1 in range(-5, 0), 0 in range(-5, 0))
for x in range(3, 0, -1):
    print(x, end=' ')
print()
