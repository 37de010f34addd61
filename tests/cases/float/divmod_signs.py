def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (-0.0, 5), (5.0, float('inf')), (-5.0, float('inf')), (0.0, -3.0), (1e300, 1e-300)]:
    t(lambda: (a // b, a % b, divmod(a, b)))
for a, b in [(1.0, 0), (1.0, 0.0), (1, 0.0)]:
    t(lambda: a / b)
    t(lambda: a // b)
    t(lambda: a % b)
    t(lambda: divmod(a, b))
