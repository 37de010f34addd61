import gc
class P:
    pass
p = P()
p.x = 42
refs = gc.get_referents(p)
print(any(r is P for r in refs))
