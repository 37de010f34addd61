import _weakref
class A: pass
a = A()
r1 = _weakref.ref(a, lambda w: print("cb1"))
r2 = _weakref.ref(a, lambda w: print("cb2"))
r3 = _weakref.ref(a, lambda w: print("cb3"))
del a
print("end")
