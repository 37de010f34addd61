import itertools as it
from functools import reduce


def read_numbers(lines):
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            yield int(line, 0)
        except ValueError:
            yield float(line)


def windowed(iterable, n=2):
    window = []
    for x in iterable:
        window.append(x)
        if len(window) > n:
            del window[0]
        if len(window) == n:
            yield tuple(window)


def running(iterable, op=lambda a, b: a + b):
    total = None
    for x in iterable:
        total = x if total is None else op(total, x)
        received = yield total
        if received is not None:
            total = received


def chain_all(*iterables):
    for it_ in iterables:
        yield from it_
    return len(iterables)


data = ["1", "0x10", "# comment", "", "2.5", "0b11", "-7"]
nums = list(read_numbers(data))
pairs = [f"{a}->{b}" for a, b in windowed(nums)]
gen = running(nums)
first = next(gen)
second = gen.send(100)
product = reduce(lambda a, b: a * b, (n for n in nums if n), 1)
groups = {k: list(g) for k, g in it.groupby(sorted(nums, key=abs), key=lambda n: n > 0)}
print(nums, pairs, first, second, product, groups, list(chain_all("ab", [1], ())))
