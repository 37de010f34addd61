class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith("__")), kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a):
        print("Meta.__call__", a)
        return super().__call__(*a)
class A(metaclass=Meta, flag=1):
    def f(self): pass
print(type(A).__name__)
a = A()
class B(A): pass
print(type(B) is Meta)
