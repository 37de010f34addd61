a = [1, 2, 3]
r = reversed(a)
print(type(r).__name__, r.__length_hint__(), next(r))
a.pop()
print(r.__length_hint__(), list(r), r.__length_hint__())
b = [1, 2, 3, 4]
r = reversed(b)
next(r)
b.clear()
print(list(r), list(reversed([])), [1, 2].__reversed__().__length_hint__())
print(list(reversed(list(range(5)))), type(reversed(range(3))).__name__)
