def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

d = {1: 'a', 2: 'b', 3: 'c'}
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
print(repr(d.keys()), repr(d.values()), repr(d.items()), len(d.items()))
print(1 in d.keys(), (1, 'a') in d.items(), 'b' in d.values(), (1, 'z') in d.items(), [1] in d.items())
print(type(d.keys()).__name__, type(d.values()).__name__, type(d.items()).__name__)
