def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print((1+2j) ** 2, (1+2j) ** -1, 2 ** (1+1j), (1j) ** 0.5, 0j ** 0, 1j ** 2, (1+1j) ** 0, (2+0j) ** 10)
print((-8.0) ** (1/3), (-2.0) ** 0.5, (-1) ** 0.5)
t(lambda: 0j ** -1)
t(lambda: 0j ** 1j)
t(lambda: pow(1j, 2, 3))
t(lambda: (10+10j) ** 1000)
