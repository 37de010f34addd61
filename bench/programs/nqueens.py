"""N-queens: every placement of n non-attacking queens on an n x n board, found by a
recursive backtracking generator that tracks occupied columns and diagonals in sets.

Measures recursion, generators delegating with `yield from`, set membership, adds and
removals, and tuple building. Size: n."""

import sys


def placements(n, row, queens, columns, rising, falling):
    if row == n:
        yield tuple(queens)
        return
    for column in range(n):
        if column in columns or row + column in rising or row - column in falling:
            continue
        columns.add(column)
        rising.add(row + column)
        falling.add(row - column)
        queens.append(column)
        yield from placements(n, row + 1, queens, columns, rising, falling)
        queens.pop()
        columns.remove(column)
        rising.remove(row + column)
        falling.remove(row - column)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    count = 0
    checksum = 0
    first = None
    for solution in placements(n, 0, [], set(), set(), set()):
        if first is None:
            first = solution
        count += 1
        for column in solution:
            checksum = (checksum * n + column) % 1_000_003
    print(f"nqueens {n}: {count} solutions, first {first}, checksum {checksum}")


main()
