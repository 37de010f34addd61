class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(1, (str, int)))
print(issubclass(B, A), issubclass(A, (B, object)), issubclass(bool, int))
try:
    isinstance(1, 1)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
print(isinstance(1, (str, (float, int))))
