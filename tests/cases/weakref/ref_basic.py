import _weakref
class A: pass
a = A()
r = _weakref.ref(a)
print(r() is a)
del a
print(r())
