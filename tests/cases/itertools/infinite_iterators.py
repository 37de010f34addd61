from itertools import count, cycle, repeat, islice
print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(1.5, 0.5), 3)))
print(list(islice(count(-2, -1), 3)), repr(count()), repr(count(5, 2)), repr(count(1.5)), repr(count(0, 0.5)))
c = count(3)
next(c); print(repr(c))
print(list(islice(cycle("abc"), 7)), list(cycle([])))
print(list(repeat("x", 3)), list(repeat(None, 0)), list(repeat(1, -2)), repr(repeat("a")), repr(repeat("a", 2)))
print(list(islice(repeat(7), 3)), repeat(1, 5).__length_hint__(), list(map(pow, range(4), repeat(2))))
for bad in (lambda: count("a"), lambda: count(1, "b"), lambda: cycle(5), lambda: repeat(), lambda: count(1, 2, 3)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(type(count()).__name__, type(count()).__module__, repr(type(count())), repr(count))
