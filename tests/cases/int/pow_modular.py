def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(pow(3, 4, 5), pow(3, 4, -5), pow(-3, 3, 7), pow(3, -1, 7), pow(38, -1, 97), pow(2, 10**20, 10**9 + 7))
t(lambda: pow(2, -1, 4))
t(lambda: pow(3, 4, 0))
t(lambda: pow(3, 4.0, 5))
print(pow(5, 0, 1), pow(0, 0), 2 ** -1, (-2) ** -3, 10 ** -2)
t(lambda: 0 ** -1)
t(lambda: pow(0, -1))
