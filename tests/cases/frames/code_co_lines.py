def f(a):
    b = a + 1
    if b:
        return b
    return 0

base = f.__code__.co_firstlineno
for start, end, line in f.__code__.co_lines():
    print(start, end, None if line is None else line - base)
print(type(f.__code__.co_lines()).__name__)
