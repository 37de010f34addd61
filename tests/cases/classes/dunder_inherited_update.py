class A: pass
class B(A): pass
b = B()
A.__len__ = lambda self: 3
print(len(b))
B.__len__ = lambda self: 4
print(len(b))
del B.__len__
print(len(b))
