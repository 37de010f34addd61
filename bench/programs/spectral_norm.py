"""Spectral norm: the largest singular value of the infinite matrix
A[i][j] = 1 / ((i+j)(i+j+1)/2 + i + 1), truncated to n x n, by ten rounds of the power
method on A^T A.

Measures function calls, integer-to-float arithmetic, generator expressions and sum().
Size: n."""

import sys
from math import sqrt


def matrix_entry(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def times(vector):
    n = len(vector)
    return [sum(matrix_entry(i, j) * vector[j] for j in range(n)) for i in range(n)]


def times_transposed(vector):
    n = len(vector)
    return [sum(matrix_entry(j, i) * vector[j] for j in range(n)) for i in range(n)]


def times_at_a(vector):
    return times_transposed(times(vector))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    u = [1.0] * n
    for _ in range(10):
        v = times_at_a(u)
        u = times_at_a(v)
    vbv = sum(ue * ve for ue, ve in zip(u, v))
    vv = sum(ve * ve for ve in v)
    print(f"spectral_norm {n}: {sqrt(vbv / vv):.9f}")


main()
