class A: pass
class B: pass
a = A(); a.x = 1
a.__dict__ = {"y": 2}
print(a.y, hasattr(a, "x"))
a.__class__ = B
print(type(a).__name__)
try:
    a.__class__ = int
except TypeError as e: print(e)
try:
    a.__dict__ = 1
except TypeError as e: print(e)
try:
    (1).__class__ = bool
except TypeError as e: print(e)
