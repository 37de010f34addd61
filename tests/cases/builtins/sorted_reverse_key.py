print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower))
print(sorted("cba"), sorted({3: 1, 1: 2}))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
