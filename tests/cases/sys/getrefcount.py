import sys
x = object()
base = sys.getrefcount(x)
l = [x, x]
print(sys.getrefcount(x) - base)
del l
print(sys.getrefcount(x) - base)
