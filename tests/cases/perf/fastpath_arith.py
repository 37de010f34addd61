# Operand values at the edges of the evaluation loop's int/float fast paths.
big = 2**63 - 1
small = -2**63
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (big, 1), (small, -1), (small, 1), (big, big), (2**53, 3), (-2**53, 7)]:
    print(a + b, a - b, a * b, a // b, a % b, a / b, a & b, a | b, a ^ b)
    print(a < b, a <= b, a == b, a != b, a > b, a >= b)
for a, b in [(1.5, 0.25), (-0.0, 0.0), (1e308, 1e308), (float("nan"), 1.0), (3.0, -2.0)]:
    print(a + b, a - b, a * b, a / b, a < b, a == b, a != b, a >= b)
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x %= 3
print(x)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1.0 / 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(True + True, True < 2, 1 == 1.0, "a" == "a", "a" != "b", "ab" == "a" + "b")
class I(int):
    def __add__(self, other):
        return "I.add"
    def __lt__(self, other):
        return "I.lt"
print(I(1) + 2, I(1) < 2, 2 < I(1))
print(bool(0), not 5, not None, not [], 0 or "zero")
