class A:
    def __call__(self): pass
print(callable(len), callable(A), callable(A()), callable(1), callable(object()))
x = object()
print(id(x) == id(x), type(id(x)).__name__)
