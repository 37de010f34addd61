class A: pass
try:
    A(1)
except TypeError as e: print(e)
try:
    A(x=1)
except TypeError as e: print(e)
class B:
    def __init__(self, x): pass
try:
    object.__new__(B, 1); print("ok new")
except TypeError as e: print(e)
class C:
    def __new__(cls, x): return super().__new__(cls)
C(1); print("ok C")
try:
    object.__init__(C(1), 1)
except TypeError as e: print(e)
try:
    object()
    object(1)
except TypeError as e: print(e)
