import gc
class A:
    def m(self): pass
    def __del__(self): print("A freed")
a = A()
a.bound = a.m
del a
gc.collect()
print("end")
