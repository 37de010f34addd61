class A:
    def __del__(self): print("del", self.n)
a = A(); a.n = 1
b = a
del a
print("one left")
del b
print("end")
