import _weakref
class A: pass
a = A()
r = _weakref.ref(a, lambda w: print("never"))
del r
del a
print("end")
