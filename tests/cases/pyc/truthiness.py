values = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], {}, {"k": 0}, (), (0,), None, True, False, range(0), range(1)]
print([bool(v) for v in values])
print([1 for v in values if v])
x = [] or [1]
y = [2] and [3]
print(x, y, None or 0 or "", 1 and 2 and 3)
