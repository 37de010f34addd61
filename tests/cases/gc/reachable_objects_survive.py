import gc
class A:
    def __del__(self): print("freed at the end")
keep = A()
keep.me = keep
gc.collect()
gc.collect()
print(keep.me is keep)
keep.me = None
del keep
print("end")
