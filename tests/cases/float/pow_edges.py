def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for a, b in [(0.0, 0), (float('inf'), 0), (2.0, -1), (-8.0, 1/3), (-2.0, 0.5), (-1.0, float('inf')), (0.5, float('-inf')), (float('nan'), 0), (1.0, float('nan')), (-2.0, 3.0)]:
    t(lambda: a ** b)
t(lambda: 0.0 ** -1)
t(lambda: 0.0 ** -2.5)
t(lambda: pow(2.0, 3, 5))
t(lambda: 1e308 * 10)
