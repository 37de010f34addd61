class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(1, (str, (int, float))))
print(issubclass(B, (int, A)), issubclass(bool, int), issubclass(B, object))
try:
    isinstance(1, 1)
except TypeError as e: print(e)
try:
    issubclass(1, int)
except TypeError as e: print(e)
try:
    issubclass(int, 1)
except TypeError as e: print(e)
