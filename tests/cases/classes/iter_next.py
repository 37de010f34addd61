class Count:
    def __init__(self, n): self.i, self.n = 0, n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)))
it = iter(Count(1)); print(next(it))
try:
    next(it)
except StopIteration: print("stop")
print(next(it, "default"))
