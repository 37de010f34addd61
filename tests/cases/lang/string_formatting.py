name, value = "pi", 3.14159265
print(f"{name}={value:.3f}", f"{value!r}", f"{name!r:>6}", f"{value:10.2e}|", f"{42:#x} {42:#o} {42:#b}")
print(f"{'nested ' + name:^20}|", f"{value:{'.'}{2}f}", f"{1234567:,}", f"{1234567:_}", f"{0.5:%}")
print(f"{{literal}}", f"{3 + 4=}", f"{name = }", f"{value=:.1f}")
width = 8
print(f"{'x':*<{width}}", f"{-5:+05d}", f"{5:+d}", f"{-5: d}", f"{255:08b}")
print("{} {} {}".format(1, "a", None), "{1}{0}".format("a", "b"), "{x.real}".format(x=3j) if False else "", "{0[1]}".format([7, 8]))
print("%s %r %d %5.2f %-4s| %x %o %e %%" % ("s", "r", 42, 3.14159, "ab", 255, 8, 12345.678))
print("%(a)s-%(b)03d" % {"a": "A", "b": 7}, "%c%c" % (72, "i"), "%*d|%-*d|" % (5, 1, 4, 2))
for bad in (lambda: "%d" % "x", lambda: "%s %s" % (1,), lambda: "%s" % (1, 2), lambda: "{".format(), lambda: "{0}".format()):
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(format(3.5, "g"), format(1e20, "g"), format(123456789, "e"), format(0.0001, ".2g"), format(-0.0, "+"))
print(str(1e16), str(1.5e-7), repr(1e22), repr(123456789012345678.0), 1e-5, 0.0001)
