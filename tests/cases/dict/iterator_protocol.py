# dict iterators walk the entries by position: new values are seen, size changes raise; the six iterator types; __length_hint__/__reduce__.
d = {1: 1, 2: 2, 3: 3}
for k, v in d.items():
    d[3] = 99
    print(k, v)
for name, make in [("keys", lambda: iter(d)), ("values", lambda: iter(d.values())), ("items", lambda: iter(d.items())), ("rev", lambda: reversed(d)), ("revv", lambda: reversed(d.values())), ("revi", lambda: reversed(d.items()))]:
    print(name, type(make()).__name__, list(make()))
try:
    for k in d:
        d[k + 10] = 1
except RuntimeError as e:
    print(e)
d = {1: 1, 2: 2}
it = iter(d); next(it)
del d[2]; d[3] = 3
try: print(list(it))
except RuntimeError as e: print(e)
d = {i: i for i in range(5)}
del d[0]; del d[2]
print(list(d), list(reversed(d)), list(reversed(d.items())))
it = iter(d); d[1] = 100; print(list(it), it.__length_hint__())
d = {1: 1}; it = iter(d); d[2] = 2
try: next(it)
except RuntimeError as e: print(e)
try: next(it)
except RuntimeError as e: print("again", e)
print(it.__length_hint__())
d = {"a": 1, "b": 2}; it = iter(d.items()); print(it.__length_hint__(), it.__reduce__()); next(it); print(it.__reduce__(), list(it), it.__reduce__())
d = {}; print(list(iter(d)), list(reversed(d)))
d = {1: 2, 3: 4}
it = iter(d)
del d[1]
d[1] = 5
try: print(list(it))
except RuntimeError as e: print(e)
