def f(self): return self
class A: pass
a = A()
bound = f.__get__(a, A)
print(bound() is a, f.__get__(None, A) is f)
A.g = f
print(a.g() is a)
