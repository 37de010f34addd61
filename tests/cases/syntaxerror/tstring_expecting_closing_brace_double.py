x = t"{a!r"
