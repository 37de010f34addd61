class F:
    def __call__(self, *a, **k): return a, k
f = F()
print(f(1, 2, x=3))
print(callable(f), callable(F), callable(1))
try:
    object()()
except TypeError as e: print(e)
