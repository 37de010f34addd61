def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(1.0 == 1, 1.0 < 2, 0.1 + 0.2 == 0.3, float('nan') == float('nan'), float('nan') != 1)
print(2.0**53 == 2**53, 2.0**53 + 1 == 2**53 + 1, 1e308 < 10**309, float('inf') > 10**1000, -float('inf') < -10**1000)
n = float('nan')
print(n == n, n is n, [n] == [n], n in [n])
