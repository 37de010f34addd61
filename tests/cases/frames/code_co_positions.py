def f(a, b):
    return a.attr[b] + (
        a
    )

base = f.__code__.co_firstlineno
for pos in f.__code__.co_positions():
    print(tuple(None if v is None else (v - base if i < 2 else v) for i, v in enumerate(pos)))
print(len(list(f.__code__.co_positions())) * 2 == len(f.__code__.co_code))
