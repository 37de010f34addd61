class D:
    def __set__(self, obj, v): obj.__dict__["d"] = v * 2
class A:
    d = D()
a = A()
print(type(a.d).__name__)
a.d = 4
print(a.d)
