class A: pass
print(repr(A).replace("__main__", "M"), A)
r = repr(A())
print(r.startswith("<__main__.A object at 0x"))
print(int, type, object, type(None))
class B:
    class C: pass
print(B.C)
