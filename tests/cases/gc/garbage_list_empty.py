import gc
print(type(gc.garbage).__name__, gc.garbage)
class A:
    def __del__(self): pass
a = A(); a.a = a; del a
gc.collect()
print(gc.garbage)
