import gc, _weakref
class A: pass
a = A(); a.me = a
r = _weakref.ref(a, lambda w: print("callback, dead:", w() is None))
del a
print("alive:", r() is not None)
gc.collect()
print("after collect:", r())
