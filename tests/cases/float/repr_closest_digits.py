# When several 17-digit strings round-trip, repr picks the one closest to the value.
for x in [16110434908878.312, 1178229092414342.2, 2.0000000000000004, 9007199254740993.0, 0.30000000000000004, 1.7976931348623157e308, 2.2250738585072014e-308, 4.9406564584124654e-324]:
    print(repr(x), str(x), repr(-x))
print(float.fromhex('0x1.d4e017ff59ca0p+43'), float.fromhex('0x1.0c3a7d2d3a8a4p+50'))
