class D:
    def __get__(self, obj, owner): return 1
    def __delete__(self, obj): print("delete called")
class A:
    d = D()
a = A()
del a.d
try:
    a.d = 3
except AttributeError as e: print(e)
