import sys
old = sys.getrecursionlimit()
print(type(old).__name__, old > 0)
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
for bad in (0, -5):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.setrecursionlimit("x")
except TypeError as e:
    print("TypeError:", e)
sys.setrecursionlimit(old)
