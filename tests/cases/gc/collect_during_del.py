import gc
class A:
    def __del__(self):
        print("A.__del__ collects:", gc.collect() >= 0)
a = A(); a.me = a
del a
gc.collect()
print("end")
