import gc, _weakref
class A:
    def __del__(self): print("__del__, weakref dead:", self.wr() is None)
a = A(); a.me = a
a.wr = _weakref.ref(a)
keep = _weakref.ref(a, lambda w: print("callback"))
del a
gc.collect()
print("end")
