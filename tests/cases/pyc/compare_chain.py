x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, x != 4, x is x, None is None)
print([1, 2] == [1, 2], (1, 2) < (1, 3), "a" < "b", [1, 2] < [1, 2, 0])
print(1 if x > 3 else 0, not x, not 0, x and 0, x or 0, 0 or "", "" or "y")
