"""Fannkuch-redux: for every permutation of 1..n, count the prefix reversals ("pancake
flips") needed until 1 is in front; report the maximum and an alternating checksum.

Measures list slicing, slice assignment, indexing and tight integer loops. Permutations
are generated in-place in the order of the classic counting scheme, so the checksum is
well defined. Size: n."""

import sys


def fannkuch(n):
    perm1 = list(range(n))
    counts = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    permutations = 0
    while True:
        # Flip the current permutation.
        first = perm1[0]
        if first:
            perm = perm1[:]
            flips = 0
            while first:
                perm[: first + 1] = perm[first::-1]
                flips += 1
                first = perm[0]
            if flips > max_flips:
                max_flips = flips
            checksum += flips if sign > 0 else -flips
        permutations += 1
        sign = -sign
        # Next permutation: rotate the first r+1 elements left, carrying like an odometer.
        r = 1
        while r < n:
            head = perm1[0]
            perm1[:r] = perm1[1 : r + 1]
            perm1[r] = head
            counts[r] += 1
            if counts[r] <= r:
                break
            counts[r] = 0
            r += 1
        else:
            return permutations, checksum, max_flips


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    permutations, checksum, max_flips = fannkuch(n)
    print(f"fannkuch {n}: {permutations} permutations, checksum {checksum}, max flips {max_flips}")


main()
