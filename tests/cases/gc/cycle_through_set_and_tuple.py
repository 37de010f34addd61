import gc
class A:
    def __hash__(self): return 1
    def __del__(self): print("A freed")
a = A()
s = {a}
a.t = (s, 1)
del a, s
gc.collect()
print("end")
