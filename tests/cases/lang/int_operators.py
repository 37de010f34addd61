for a, b in ((7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3)):
    print(a // b, a % b, divmod(a, b), a / b, -a, +a, abs(a), ~a)
print(2 ** 10, 2 ** -1, (-2) ** 3, (-8) ** (1 / 3) if False else None, pow(3, 4, 5), pow(3, -1, 7))
print(1 << 70, -1 >> 3, 255 & 15, 8 | 3, 6 ^ 3, -6 & 0xFF, (1 << 64) - 1)
print(10 ** 30 // 7, 10 ** 30 % 7, -(10 ** 30) // 7, 2 ** 100 / 2 ** 99)
for bad in (lambda: 1 // 0, lambda: 1 % 0, lambda: 1 / 0, lambda: 0 ** -1, lambda: 1 << -1, lambda: pow(2, -1, 4)):
    try:
        bad()
    except (ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)
print(int("  42 "), int("-0x1f", 16), int("0b101", 0), int("z", 36), int(3.99), int(-3.99), int("1_000"))
print(round(2.5), round(3.5), round(-0.5), round(1234, -2), round(1250, -2), round(2.675, 2))
print(0.1 + 0.2, 1e16 + 1, 3 * 1.1, 1 / 3, 2 ** 0.5, -0.0, float("inf") - float("inf"))
print(7 // 2.0, -7 // 2.0, 7 % -2.5, divmod(-7.5, 2))
print(True + 1, 3 == 3.0, hash(3) == hash(3.0), 10 ** 20 == 1e20, 2 ** 53 + 1 == float(2 ** 53 + 1))
