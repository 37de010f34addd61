import _weakref
print(_weakref.ref is _weakref.ReferenceType)
print(_weakref.ref.__name__)
class A: pass
a = A()
print(type(_weakref.ref(a)).__name__)
