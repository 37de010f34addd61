print(any([]), all([]), any([0, 1]), all([1, 0]), any(x > 2 for x in range(4)))
print(len([1, 2]), len("abc"), len({1: 2}), len(range(10)))
try:
    len(5)
except TypeError as e:
    print(e)
