import _weakref
class A: pass
a = A()
r = _weakref.ref(a)
print(repr(r).startswith("<weakref at 0x"), "; to 'A' at" in repr(r))
del a
print(repr(r).endswith("; dead>"))
