class A:
    def __del__(self): print("del temp")
    def value(self): return 42
print(A().value())
print("end")
