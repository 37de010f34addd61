"""Unpack sequence: assignments that unpack tuples and lists of several lengths, swaps
and rotations, starred targets, nested targets and unpacking in for-loop headers.

Measures UNPACK_SEQUENCE / UNPACK_EX and tuple building in the evaluation loop. Size:
the number of loop iterations."""

import sys


def unpack_tuples(rounds):
    t2 = (1, 2)
    t4 = (3, 4, 5, 6)
    t8 = (7, 8, 9, 10, 11, 12, 13, 14)
    total = 0
    for _ in range(rounds):
        a, b = t2
        c, d, e, f = t4
        g, h, i, j, k, l, m, n = t8
        a, b = b, a
        c, d, e = e, c, d
        g, h, i, j, k, l, m, n = n, m, l, k, j, i, h, g
        total += a - b + c * d - e + f + g - n
    return total


def unpack_lists(rounds):
    l3 = [1, 2, 3]
    l5 = [4, 5, 6, 7, 8]
    total = 0
    for _ in range(rounds):
        a, b, c = l3
        d, e, f, g, h = l5
        l3[0], l3[2] = c, a
        total += a + b * c + d - e + f * g - h
    return total


def unpack_starred(rounds):
    row = (10, 20, 30, 40, 50, 60)
    total = 0
    for _ in range(rounds):
        first, *middle, last = row
        head, *tail = middle
        *init, final = tail
        total += first + last + head + final + len(init)
    return total


def unpack_nested(rounds):
    records = [((i, i + 1), (i * 2, (i % 7, -i))) for i in range(16)]
    total = 0
    for _ in range(rounds // 16):
        for (a, b), (c, (d, e)) in records:
            total += a * b - c + d + e
    return total


def unpack_iterated(rounds):
    pairs = [(i, str(i)) for i in range(32)]
    total = 0
    for _ in range(rounds // 32):
        for number, text in pairs:
            total += number + len(text)
        for index, (number, text) in enumerate(pairs):
            total += index - number
    return total


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    results = (unpack_tuples(rounds), unpack_lists(rounds), unpack_starred(rounds),
               unpack_nested(rounds), unpack_iterated(rounds))
    print(f"unpack_sequence {rounds}: {' '.join(map(str, results))}")


main()
