def read_numbers(text):
    for token in text.split():
        yield int(token)
def only_even(numbers):
    for n in numbers:
        if n % 2 == 0:
            yield n
def scaled(numbers, k):
    return (n * k for n in numbers)
pipeline = scaled(only_even(read_numbers("1 2 3 4 5 6 7 8")), 10)
print(list(pipeline))
def take(n, iterable):
    it = iter(iterable)
    for _ in range(n):
        yield next(it)
def naturals():
    n = 1
    while True:
        yield n
        n += 1
print(list(take(5, naturals())))
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e)
def thrower():
    try:
        yield 1
    except ValueError as e:
        yield f"caught {e}"
t = thrower()
print(next(t), t.throw(ValueError("boom")))
