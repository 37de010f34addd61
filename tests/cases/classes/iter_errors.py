class A:
    def __iter__(self): return 1
try:
    iter(A())
except TypeError as e: print(e)
class B: pass
try:
    for x in B(): pass
except TypeError as e: print(e)
class C:
    __iter__ = None
try:
    iter(C())
except TypeError as e: print(e)
