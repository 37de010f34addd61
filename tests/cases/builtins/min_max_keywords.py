print(min(3, 1, 2), max([3, 1, 2]), min("abc"), max((1, 5), (1, 6)))
print(min([], default="empty"), max([], default=None))
print(min([1, -5, 3], key=abs), max("a", "bb", "ccc", key=len))
try:
    min([])
except ValueError as e:
    print(e)
try:
    max()
except TypeError as e:
    print(e)
