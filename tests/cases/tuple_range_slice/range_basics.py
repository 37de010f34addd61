def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(range(10), range(1, 10, 2), range(0), range(5, -5, -3))
print(range(5)[-1], range(10)[::2], range(10)[1:-1:3], range(10)[::-1], range(0, 10, 3)[1:], range(10)[5:2])
print(len(range(0, 10, 3)), len(range(10, 0)), len(range(10, 0, -3)), bool(range(0)), bool(range(1)))
print(range(3).start, range(3).stop, range(3).step, range(1, 9, 2).step)
t(lambda: range(5)[10])
t(lambda: range(1, 2, 0))
t(lambda: range(1.5))
t(lambda: range())
t(lambda: range(1, 2, 3, 4))
t(lambda: range(5)['a'])
