values = ["42", " 7 ", "-3", "1_000", "0", "12.5", "1e3", "-0.5", "inf"]
for v in values:
    try:
        print(repr(v), int(v))
    except ValueError as e:
        print(repr(v), "->", float(v))
print(str(12), str(-4.0), str(1e16), str(1.5e-5), str(123456789.123), repr(0.1), 1/3)
print(int("ff", 16), int("777", 8), int("0b101", 0), float(" 3 "), int(True), float(False))
