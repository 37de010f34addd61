print(1 + 2, 7 // 2, 7 / 2, 2 ** 100, -7 % 3, divmod(-7, 2))
print(0.1 + 0.2, 1e16, 1e-5, 3.0, float("inf"), -0.0)
print(repr("it's"), repr('say "hi"'), [1, (2,), {3: 4}, {5}])
