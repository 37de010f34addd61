class A:
    x = 1
print(getattr(A, "x"), getattr(A, "y", "default"))
try:
    getattr(A, "y")
except AttributeError as e:
    print(e)
try:
    getattr(A, 1)
except TypeError as e:
    print(e)
setattr(A, "z", 5); print(A.z); delattr(A, "z"); print(hasattr(A, "z"))
