class A:
    def __hash__(self): return "x"
try:
    hash(A())
except TypeError as e: print(e)
class B:
    def __hash__(self): return -1
print(hash(B()))
class C:
    def __hash__(self): return 2**70
print(hash(C()) == hash(2**70))
