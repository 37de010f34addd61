import gc, _weakref
class A: pass
a = A(); b = A()
a.b = b; b.a = a
a.wr = _weakref.ref(b, lambda w: print("inner callback must not run"))
outer = _weakref.ref(a, lambda w: print("outer callback runs"))
del a, b
gc.collect()
print(outer())
