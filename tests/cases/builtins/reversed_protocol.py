# reversed() over the sequence protocol: lazy indexing from the end, __length_hint__, __reduce__/__setstate__.
class R:
    def __getitem__(s, i):
        if i >= 3: raise IndexError(i)
        return i * 10
    def __len__(s): return 3
r = reversed(R()); print(type(r), r.__length_hint__(), next(r), r.__length_hint__(), list(r), r.__length_hint__(), r.__reduce__()[1])
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(4))), list(reversed(b"ab")))
class N:
    __reversed__ = None
    def __getitem__(s, i): return 1
    def __len__(s): return 1
for bad in [N(), 5, {1: 2}, set()]:
    try: reversed(bad)
    except TypeError as e: print(e)
try: reversed()
except TypeError as e: print(e)
try: reversed([1], x=1)
except TypeError as e: print(e)
r = reversed(R()); print(r.__reduce__()[2]); r.__setstate__(1); print(list(r)); r = reversed(R()); r.__setstate__(99); print(list(r)); r.__setstate__(1); print(list(r))
class S(reversed): pass
print(list(S(R())))
class Shrink(list):
    pass
l = [1, 2, 3, 4]; r = reversed(l); next(r); del l[:]; print(r.__length_hint__(), list(r))
class BadLen:
    def __getitem__(s, i): return 1
    def __len__(s): raise ValueError("len")
try: reversed(BadLen())
except ValueError as e: print("ValueError", e)
import copy
r = reversed(R()); next(r); print(list(copy.copy(r)))
class Err:
    def __getitem__(s, i): raise KeyError(i)
    def __len__(s): return 2
try: list(reversed(Err()))
except KeyError as e: print("KeyError", e)
