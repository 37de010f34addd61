import gc
class A:
    def __del__(self):
        b = B(); b.me = b
        print("A finalized")
class B:
    def __del__(self): print("B finalized")
a = A(); a.me = a
del a
gc.collect()
gc.collect()
print("end")
