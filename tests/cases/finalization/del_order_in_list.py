class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
l = [A(1), A(2), A(3)]
del l
print("end")
