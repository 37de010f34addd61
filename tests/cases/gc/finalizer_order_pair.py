import gc
log = []
class A:
    def __init__(self, n): self.n = n
    def __del__(self): log.append(self.n)
a = A(1); b = A(2); a.b = b; b.a = a
del a, b
gc.collect()
print(sorted(log))
