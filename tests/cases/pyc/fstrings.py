name, n, pi = "pyrite", 42, 3.14159
print(f"{name} has {n} items, pi={pi:.2f}")
print(f"{n:5d}|{n:<5}|{n:^7}|{n:>6}|{n:05d}|{n:x}|{n:#b}|{n:,}")
print(f"{pi:10.3f}|{pi:e}|{pi:g}|{1234567.891:,.2f}|{0.25:%}")
print(f"{name!r} {name:>10} {name:.3}")
print(f"{'nested ' + name}", f"{[1, 2][0]}", f"{n * 2}", f"{{literal}}")
x = 3.0
print(f"{x}", f"{1e20}", f"{-0.0}", f"{2**60}")
