import gc
gc.disable()
class C:
    def __del__(self): print("C collected")
c = C(); c.me = c
del c
print("no automatic collection expected yet")
gc.collect()
gc.enable()
print("end")
