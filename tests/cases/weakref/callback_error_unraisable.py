import _weakref
class A: pass
a = A()
def bad(w):
    raise KeyError("cb")
r = _weakref.ref(a, bad)
del a
print("still running")
