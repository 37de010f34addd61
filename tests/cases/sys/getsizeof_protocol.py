# getsizeof calls __sizeof__ (sizes themselves depend on the word size: see
# tests/robustness/word_size_getsizeof.py)
import sys
class T:
    def __sizeof__(self): return 'x'
class F:
    def __sizeof__(self): return 2.5
class N:
    def __sizeof__(self): return -1
class R:
    def __sizeof__(self): raise TypeError('no size')
for c in (T, F, N, R):
    for args in ((), (99,)):
        try: print(c.__name__, args, sys.getsizeof(c(), *args))
        except Exception as e: print(c.__name__, args, type(e).__name__, e)
class Small:
    __slots__ = ()
    def __sizeof__(self): return 3
print(sys.getsizeof(Small()) >= 3, sys.getsizeof(1) == (1).__sizeof__())
print(sys.getsizeof(1.0) == (1.0).__sizeof__(), sys.getsizeof([]) > [].__sizeof__())
try: sys.getsizeof()
except TypeError as e: print(e)
try: object.__sizeof__()
except TypeError as e: print(e)
print(sys.getsizeof(object=5) == sys.getsizeof(5))
