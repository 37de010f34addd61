import sys
print(sys.getsizeof(0) > 0, sys.getsizeof([]) > 0)
try:
    sys.getsizeof()
except TypeError:
    print("TypeError")
print(sys.getsizeof(object(), 5) > 0)
