if 0 <= x < 10 and y not in z or w is not None:
    pass
while a < b > c:
    break
assert 1 < 2 < 3
