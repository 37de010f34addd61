class A:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
a = A(); a.x = 2; print(a.x); del a.x
try:
    del a.x
except AttributeError as e: print(e)
print(a.__dict__)
