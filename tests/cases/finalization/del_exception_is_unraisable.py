class A:
    def __del__(self):
        raise RuntimeError("in del")
a = A()
del a
print("continues")
