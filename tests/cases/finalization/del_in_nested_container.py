class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
d = {"a": [A(1), (A(2),)], "b": {A(3)}}
del d
print("end")
