# sys.getsizeof follows 64-bit CPython's layouts (these are unchanged from 3.11 to 3.14;
# str and tuple, which changed, are left out).
import sys
def grown_set(n):
    s = set()
    for i in range(n):
        s.add(i)
    return s
def grown_dict(n, key=int):
    d = {}
    for i in range(n):
        d[key(i)] = i
    return d
class Plain:
    pass
class Slotted:
    __slots__ = ('a', 'b')
class Sized:
    def __sizeof__(self):
        return 10
class Negative:
    def __sizeof__(self):
        return -1
samples = [0, 1, -1, 2**30, 2**60, 2**100, True, False, 1.5, 1j, b'', b'abc', bytearray(), bytearray(b'abc'),
           [], {}, {'a': 1}, None, ..., NotImplemented, object(), range(5), slice(1, 2),
           Slotted(), Sized()]
for obj in samples:
    print(type(obj).__name__, sys.getsizeof(obj))
for n in (0, 1, 5, 6, 10, 11, 50, 100, 1000):
    print('dict', n, sys.getsizeof(grown_dict(n)), sys.getsizeof(grown_dict(n, str)))
    print('set', n, sys.getsizeof(grown_set(n)), sys.getsizeof(frozenset(grown_set(n))) > 0)
print(sys.getsizeof(Negative(), 7) if False else 'skip')
try:
    sys.getsizeof(Negative())
except ValueError as e:
    print(e)
print(sys.getsizeof(Sized(), 5))
print('ok')
