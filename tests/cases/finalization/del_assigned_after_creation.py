class A:
    pass
a = A()
A.__del__ = lambda self: print("late del")
del a
print("end")
