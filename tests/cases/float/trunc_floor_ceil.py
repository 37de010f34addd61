def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for x in [1.5, -1.5, 0.0, -0.0, 1e20, -1e20, 2.9999999]:
    print(x.__trunc__(), x.__floor__(), x.__ceil__(), int(x))
t(lambda: float('inf').__floor__())
t(lambda: float('nan').__ceil__())
