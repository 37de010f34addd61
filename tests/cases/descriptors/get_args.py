class D:
    def __get__(self, obj, owner=None):
        return (type(obj).__name__, owner.__name__ if owner else None)
class A:
    d = D()
print(A.d, A().d)
