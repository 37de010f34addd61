class A:
    def __init__(self): self.items = []
    def __iadd__(self, o):
        self.items.append(o); return self
class B:
    def __init__(self, v): self.v = v
    def __add__(self, o): return B(self.v + o)
a = A(); a += 1; a += 2; print(a.items)
b = B(1); old = b; b += 10; print(b.v, b is old)
