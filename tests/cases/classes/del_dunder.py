class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
d = D(1)
del d
print("after 1")
D(2)
print("after 2")
x = D(3)
x = None
print("end")
