class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
class Box: pass
b = Box()
b.item = A(1)
b.item = A(2)
del b.item
print("end")
