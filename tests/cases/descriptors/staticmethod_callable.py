@staticmethod
def s(): return "s"
print(s(), callable(s))
class A:
    f = staticmethod(len)
print(A.f("abc"), A().f([1]))
