def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(hash(1.0) == hash(1), hash(0.5) == hash(0.5), hash(-1.0), hash(0.0), hash(-0.0), hash(float('inf')), hash(-float('inf')))
print(hash(2.0**70) == hash(2**70), hash(1e100) == hash(int(1e100)), hash(-2.5) == hash(-2.5))
print({1.0: 'a', 1: 'b'}, {0.0, -0.0, 0})
