def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for n, d in [(1234, -2), (1250, -2), (1350, -2), (-1250, -2), (15, -1), (25, -1), (-25, -1), (5, -1), (7, 3), (123, None), (99, -5), (10**30 + 5 * 10**9, -10)]:
    print(n, d, round(n, d), (n).__round__(d))
print(round(7), type(round(True)).__name__, round(True, 2))
t(lambda: round(5, 'a'))
t(lambda: round(5, 1.5))
t(lambda: (5).__round__(1, 2))
