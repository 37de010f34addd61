a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b)
print(2 ** 100, -(2 ** 70) // 3, (2 ** 64) % 1000)
print(1 << 10, 1024 >> 3, 6 & 3, 6 | 3, 6 ^ 3, ~5)
print(divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(2, 10, 1000))
print(abs(-7), abs(3), int("42"), int("-0x1f", 16), int("101", 2))
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7
print(x)
print(True + True, True * 3, False - 1)
