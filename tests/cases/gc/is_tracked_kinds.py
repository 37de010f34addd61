import gc
class A: pass
def f(): pass
print(gc.is_tracked(1), gc.is_tracked(1.5), gc.is_tracked("s"), gc.is_tracked(None))
print(gc.is_tracked([]), gc.is_tracked([1]), gc.is_tracked(A()), gc.is_tracked(A))
print(gc.is_tracked(f), gc.is_tracked(set()), gc.is_tracked({}))
print(gc.is_tracked(int), gc.is_tracked(True))
