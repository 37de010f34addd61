def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for x, d in [(2.675, 2), (2.5, 0), (3.5, 0), (-2.5, 0), (123.456, -1), (125.0, -1), (135.0, -1), (0.125, 2), (1e300, 2), (1.5, 400), (1.5, -400), (-1.5, -400), (12345.6789, 3), (0.5, None), (-0.5, None)]:
    print(x, d, round(x, d))
print(round(2.5), round(3.5), round(-2.5), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
t(lambda: round(float('inf')))
t(lambda: round(float('nan')))
t(lambda: round(float('inf'), 2))
t(lambda: round(1.5, 'x'))
print(float.__round__(2.5), (1.23).__round__(1))
