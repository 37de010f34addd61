import _weakref
class A: pass
a = A()
r = _weakref.ref(a)
try:
    r(1)
except TypeError as e:
    print(e)
try:
    _weakref.ref()
except TypeError as e:
    print("TypeError")
