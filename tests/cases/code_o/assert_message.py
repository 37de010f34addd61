def check(x):
    assert x > 0, f"bad {x}"
    assert isinstance(x, int), ("tuple", x)
    return x * 2

assert check(2) == 4
