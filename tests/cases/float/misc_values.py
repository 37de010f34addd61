def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(float('-0'), -0.0 == 0.0, str(-0.0), 5e-324 / 2, 2.2250738585072014e-308 / 2, 1e308 + 1e308, -1e308 * 10)
print(float('inf') - float('inf'), float('inf') * 0, 0.0 * -1, abs(-0.0), -(0.0))
print(sorted([3.5, float('inf'), -float('inf'), 0.0, -0.0, 1e-300]))
print(1.0 / 3 * 3, 0.1 * 3, 1e16 + 1, 2.0 ** 0.5, 10.0 ** -2, 7.0 % 0.1)
