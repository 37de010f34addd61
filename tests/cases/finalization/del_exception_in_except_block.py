class A:
    def __del__(self): print("del A")
try:
    a = A()
    raise ValueError("boom")
except ValueError as e:
    print("caught", e)
    del a
print("end")
