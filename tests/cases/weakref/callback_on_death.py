import _weakref
class A: pass
a = A()
def cb(wr):
    print("callback, referent is", wr())
r = _weakref.ref(a, cb)
del a
print("end")
