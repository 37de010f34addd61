from functools import lru_cache, cache
import sys

sys.setrecursionlimit(10_000)


@lru_cache(maxsize=None)
def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@cache
def partitions(n: int, k: int | None = None) -> int:
    k = n if k is None else k
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)


def permutations(items):
    if len(items) <= 1:
        yield items[:]
        return
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [x, *rest]


def hanoi(n, src="A", dst="C", via="B", moves=None):
    moves = [] if moves is None else moves
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves


def flatten(x):
    return [y for item in x for y in (flatten(item) if isinstance(item, list) else [item])]


print(fib(80), partitions(20), len(list(permutations([1, 2, 3, 4]))))
print(len(hanoi(5)), flatten([1, [2, [3, [4]], 5]]))
