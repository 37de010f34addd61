import gc
class A:
    def __del__(self): print("A collected")
a = A(); a.me = a
del a
gc.freeze()
gc.collect()
print("after collect while frozen")
gc.unfreeze()
gc.collect()
print("end")
