def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (10**20 + 1, 7), (-(10**20) - 1, 7), (10**20, -(10**9 + 7))]:
    print(a // b, a % b, divmod(a, b))
t(lambda: 1 // 0)
t(lambda: 1 % 0)
t(lambda: divmod(1, 0))
t(lambda: 10**30 // 0)
