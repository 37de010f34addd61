class A:
    x = 1
    def __getattr__(self, name):
        if name == "boom": raise AttributeError("custom")
        return name.upper()
a = A()
print(a.x, a.foo, getattr(a, "bar"), hasattr(a, "boom"))
try:
    a.boom
except AttributeError as e: print(e)
