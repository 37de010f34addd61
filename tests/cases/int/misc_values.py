def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(-0, 0 == -0, abs(-10**30), -(-(2**63)), 2**63 - 1 + 1, -(2**63) - 1, (2**64) // 3, (-(2**64)) // 3)
print(divmod(True, 2), divmod(-7, True), 7 // -1, -(2**63) // -1)
print(int('-0'), int('+0'), int('0b', 16), int('0o1', 0))
print(str(-12345678901234567890), repr(2**200), 10**20 % 7, -(10**20) % 7)
t(lambda: int('0b', 0))
