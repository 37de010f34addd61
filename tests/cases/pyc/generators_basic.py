def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"
print(list(count_up(5)), sum(count_up(101)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
def squares():
    for x in range(4):
        received = yield x * x
        if received:
            print("got", received)
gen = squares()
print(next(gen), gen.send("hello"), next(gen))
print(sum(x * x for x in range(10)), list(c.upper() for c in "abc"), max(len(w) for w in ["a", "abc"]))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def delegate():
    result = yield from count_up(3)
    print("inner returned", result)
    yield "end"
print(list(delegate()))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleanup")
w = with_finally()
print(next(w))
w.close()
print(type(w).__name__, any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
