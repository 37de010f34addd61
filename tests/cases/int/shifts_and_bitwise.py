def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(1 << 100, -1 >> 100, -5 >> 1, 5 >> 10, -(2**70) >> 3, (2**70) << 3)
print(-5 & 3, -5 | 3, -5 ^ 3, ~-5, ~0, -(2**65) & (2**64 - 1), (2**65) | -1, -(2**65) ^ 7)
t(lambda: 1 << -1)
t(lambda: 1 >> -1)
print(1 >> 10**20, -1 >> 10**20)
