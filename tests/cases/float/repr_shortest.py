def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for x in [0.1, 0.1 + 0.2, 1e22, 1e-7, 123456789012345678.0, 1e16, 1e15, 0.0001, 1e-5, 5e-324, 1.7976931348623157e308, -0.0, 2.5, 100.0, 1/3]:
    print(repr(x), str(x))
