class A:
    def __init__(self): self.a = 1; self.b = 2
a = A()
print(vars(a), a.__dict__ is vars(a))
a.__dict__["c"] = 3
print(a.c)
try:
    vars(1)
except TypeError as e: print(e)
