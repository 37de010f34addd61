import _weakref
class A: pass
a = A()
print(_weakref.ref(a) is _weakref.ref(a))
r = _weakref.ref(a, lambda w: None)
print(r is _weakref.ref(a))
print(_weakref.getweakrefcount(a))
