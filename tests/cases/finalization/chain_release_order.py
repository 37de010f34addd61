class N:
    def __init__(self, n, nxt): self.n = n; self.nxt = nxt
    def __del__(self): print("del", self.n)
head = N(1, N(2, N(3, None)))
del head
print("end")
