def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(2**53 + 1 == float(2**53 + 1), 2**53 + 1 > float(2**53), 10**400 > 1e308, 1 == 1.0, -0 == 0.0)
print(max(1, 2.5), min(3, True), sorted([3, 1.5, True, 2]))
print(1 < 2 < 3, 3 > 2 > 2)
