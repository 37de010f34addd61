class U:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __abs__(self): return "abs"
    def __invert__(self): return "inv"
u = U()
print(-u, +u, abs(u), ~u)
try:
    ~object()
except TypeError as e: print(e)
