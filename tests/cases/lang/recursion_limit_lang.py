import sys
def depth(n):
    return depth(n + 1)
try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(200) % 1000007)
sys.setrecursionlimit(150)
try:
    fact(400)
except RecursionError:
    print("limit respected")
print(sys.getrecursionlimit())
