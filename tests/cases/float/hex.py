def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for x in [1.5, -0.1, 0.0, -0.0, 5e-324, 2.2250738585072014e-308, 1e308, 1.0, 3.0, float('inf'), float('-inf'), float('nan')]:
    print(x.hex())
