class A:
    def __repr__(self): return 1
try:
    repr(A())
except TypeError as e: print(e)
class B:
    def __str__(self): return None
try:
    str(B())
except TypeError as e: print(e)
class C:
    def __format__(self, s): return 5
try:
    format(C())
except TypeError as e: print(e)
try:
    format(object(), "x")
except TypeError as e: print(e)
