def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print((1+2j) + (3-1j), (1+2j) - 1, 2 - (1+2j), (1+2j) * (3+4j), (1+2j) / (3+4j))
print((1+2j) * 2, 2 * (1+2j), (1+2j) / 2, 1 / (1+1j), 2.5 + 1j, 1j - 0.5)
print(-(1+2j), +(1+2j), (1+2j).conjugate(), (1+2j).real, (1+2j).imag)
t(lambda: 1 / 0j)
t(lambda: (1+2j) / 0)
t(lambda: (1+2j) // 2)
t(lambda: (1+2j) % 2)
t(lambda: divmod(1j, 2))
t(lambda: 1j < 2j)
t(lambda: 1j + 'a')
