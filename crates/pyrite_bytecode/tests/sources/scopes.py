"""Closures, cells, generators, classes and comprehensions."""
import sys as _sys
from os import path as p, sep


def outer(a, /, b=2, *args, c, d=4, **kwargs):
    total = a + b

    def inner(x):
        nonlocal total
        total += x
        return total, a

    squares = [i * i for i in range(10) if i % 2]
    lookup = {k: v for k, v in kwargs.items()}
    gen = (y for y in args)
    return inner, squares, lookup, gen


class Point:
    """A point."""

    count = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1

    def __repr__(self):
        return f"Point({self.x!r}, {self.y:>{10}})"

    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def method(self):
        return super().__repr__() + __class__.__name__


def generator(n):
    for i in range(n):
        received = yield i
        if received:
            yield from range(received)
    return "done"


async def coroutine(session):
    async with session as s:
        async for item in s:
            await item
    return [x async for x in session]


lambda_ = lambda q, *, r=1: q + r
