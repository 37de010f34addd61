# type.__getattribute__/__setattr__/__delattr__ wrappers, reached from metaclasses.
print(list(type.__dict__)[:9])
class M(type):
    def __setattr__(cls, k, v):
        print("meta set", k)
        super().__setattr__(k, v)
    def __getattribute__(cls, k):
        return type.__getattribute__(cls, k)
class A(metaclass=M): pass
A.x = 5
print(A.x, type.__getattribute__(A, "x"))
type.__setattr__(A, "y", 1); print(A.y)
type.__delattr__(A, "y"); print(hasattr(A, "y"))
try: type.__setattr__(int, "y", 1)
except TypeError as e: print(e)
print(object.__getattribute__(A(), "__class__").__name__)
