class C:
    def __contains__(self, x): return x == 2
print(2 in C(), 3 in C(), 3 not in C())
class D:
    def __contains__(self, x): return []
print(1 in D())
try:
    1 in object()
except TypeError as e: print(e)
