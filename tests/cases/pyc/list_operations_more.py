a = list(range(10))
a[2:5] = []
print(a)
a[::2] = [0] * len(a[::2])
print(a)
del a[::3]
print(a)
b = [5, 2, 9, 1]
b.sort(key=lambda x: -x)
print(b, b.index(9), [x for x in b if x > 2])
nested = [[3, "c"], [1, "a"], [2, "b"]]
print(sorted(nested), sorted(nested, key=lambda p: p[1], reverse=True))
print([1, 2] * 0, [] == [], [[]] * 2, list(reversed([1, 2, 3])))
stack = []
stack += [1, 2]
stack *= 2
print(stack, stack.count(1), len(stack))
