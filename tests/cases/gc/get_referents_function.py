import gc
def f(a=[1]): return a
refs = gc.get_referents(f)
print(any(r is f.__globals__ for r in refs))
print(any(r is f.__code__ for r in refs))
print(any(r == ([1],) for r in refs))
