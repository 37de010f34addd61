import _weakref
class A: pass
a = A()
seen = []
r = _weakref.ref(a, seen.append)
del a
print(len(seen), seen[0] is r, seen[0]())
