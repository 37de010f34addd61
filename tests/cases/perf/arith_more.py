# Power and shifts on small ints and floats through the loop's fast paths.
values = [2.0, 0.5, 1.0, 10.0, 1e-100]
for a in values:
    for b in [2.0, -1.5, 0.5, 0.0, 3, -2]:
        print(a, b, a ** b)
for a, b in [(10.0, 400.0), (1e300, 2), (-8.0, 1 / 3), (0.0, -1.0), (-2.0, 2.0), (float("inf"), 2.0), (2.0, float("nan")), (float("nan"), 0.0)]:
    try:
        print(a, b, a ** b)
    except OverflowError:
        # The errno text differs between platforms.
        print("OverflowError")
    except (ValueError, ZeroDivisionError) as exc:
        print(type(exc).__name__, exc)
x = 3.0
x **= 2
print(x)
for a in [0, 1, -1, 5, -5, 12345, -12345, 2**62, -(2**62), 2**63 - 1, -(2**63)]:
    for b in [0, 1, 3, 31, 62, 63, 64, 100]:
        print(a, b, a >> b, a << b)
for a, b in [(1, -1), (5, -3)]:
    for op in ("<<", ">>"):
        try:
            print(eval(f"a {op} b"))
        except ValueError as exc:
            print("ValueError:", exc)
y = 1
y <<= 70
print(y)
y >>= 69
print(y)
print(True << 2, True >> 1, 2 ** 10, 2 ** -1, (-2) ** 3)
