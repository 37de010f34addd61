class A:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, x):
        print("init", x)
        self.x = x
a = A(5); print(a.x)
class B:
    def __new__(cls): return 42
print(B())
class C:
    def __init__(self): return 1
try:
    C()
except TypeError as e: print(e)
