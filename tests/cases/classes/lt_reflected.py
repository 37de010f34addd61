class A:
    def __init__(self, v): self.v = v
    def __gt__(self, o): print("gt"); return self.v > o
print(1 < A(2))
