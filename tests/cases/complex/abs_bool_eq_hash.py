def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(abs(3+4j), abs(-1j), abs(complex(float('inf'), 1)), abs(0j))
print(bool(0j), bool(1j), bool(0.0+0j), bool(complex(0, -0.0)))
print(1j == 1j, 1j != 2j, (1+0j) == 1, (1+0j) == 1.0, 1j == 'a', (2**53+1+0j) == 2**53+1)
print(hash(1+0j) == hash(1), hash(0j) == 0, hash(1.5+0j) == hash(1.5), hash(1j) == hash(1j))
t(lambda: abs(complex(1e308, 1e308)))
