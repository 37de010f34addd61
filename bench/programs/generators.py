"""Generators: a lazy pipeline of generator functions and generator expressions (count,
filter, transform, sliding pairs, fixed-size batches), an in-order walk of a binary tree
by recursive `yield from`, and a coroutine driven with send().

Measures generator creation, resumption and exhaustion, `yield from` delegation and
StopIteration handling inside for loops. Size: the number of items fed to the pipeline."""

import sys


def counter(limit):
    i = 0
    while i < limit:
        yield i
        i += 1


def keep_if(predicate, items):
    for item in items:
        if predicate(item):
            yield item


def transform(items):
    for item in items:
        yield item * 3 + 1


def pairs(items):
    it = iter(items)
    previous = next(it, None)
    for item in it:
        yield previous, item
        previous = item


def batches(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class Node:
    __slots__ = ("left", "value", "right")

    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right


def build_tree(low, high):
    if low >= high:
        return None
    middle = (low + high) // 2
    return Node(build_tree(low, middle), middle, build_tree(middle + 1, high))


def in_order(node):
    if node is not None:
        yield from in_order(node.left)
        yield node.value
        yield from in_order(node.right)


def running_total():
    total = 0
    count = 0
    while True:
        value = yield total
        if value is None:
            return count
        total += value
        count += 1


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    pipeline = batches(pairs(transform(keep_if(lambda x: x % 3 != 0, counter(size)))), 7)
    pipeline_sum = 0
    batch_count = 0
    for batch in pipeline:
        batch_count += 1
        pipeline_sum += sum(b - a for a, b in batch)
    tree_sum = 0
    for _ in range(5):
        tree_sum += sum(value for value in in_order(build_tree(0, size // 10)) if value & 1)
    coroutine = running_total()
    next(coroutine)
    for value in counter(size):
        coroutine.send(value)
    try:
        coroutine.send(None)
    except StopIteration as stop:
        sent = stop.value
    print(f"generators {size}: {batch_count} batches, pipeline {pipeline_sum}, tree {tree_sum}, sent {sent}")


main()
