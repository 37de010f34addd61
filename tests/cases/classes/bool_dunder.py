class T:
    def __bool__(self): return False
print(bool(T()), not T(), "y" if T() else "n")
class B:
    def __bool__(self): return 1
try:
    bool(B())
except TypeError as e: print(e)
class E: pass
print(bool(E()))
