# float op int (and int op float) with small ints: the same results as the general path.
values = [0, 1, -1, 3, 2**53, -(2**53), 2**53 + 1, 2**63 - 1, 10**20, True]
floats = [0.0, -0.0, 1.5, -2.25, 1e300, float("inf"), float("nan")]
for i in values:
    for f in floats:
        for a, b in ((i, f), (f, i)):
            row = []
            for op in ("+", "-", "*", "/"):
                try:
                    row.append(repr(eval(f"a {op} b")))
                except Exception as e:
                    row.append(type(e).__name__)
            print(repr(a), repr(b), *row)
x = 2.5
x += 1
x *= 2
x -= 3
x /= 4
print(x)
