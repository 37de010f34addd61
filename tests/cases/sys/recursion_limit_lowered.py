import sys
sys.setrecursionlimit(100)
depth = 0
def f():
    global depth
    depth += 1
    f()
try:
    f()
except RecursionError:
    print("RecursionError", depth < 100)
sys.setrecursionlimit(1000)
