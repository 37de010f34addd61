class D:
    def __get__(self, obj, owner): raise AttributeError("from get")
class A:
    d = D()
    def __getattr__(self, n): return "fallback:" + n
print(A().d)
