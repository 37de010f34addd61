import sys
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
reached = depth(0)
print(reached > 900, reached <= sys.getrecursionlimit())
def mutual_a(n):
    return "done" if n == 0 else mutual_b(n - 1)
def mutual_b(n):
    return mutual_a(n)
print(mutual_a(300))
