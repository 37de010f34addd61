import _weakref
class A: pass
a = A(); b = A()
ra = _weakref.ref(a); rb = _weakref.ref(b)
print(ra == _weakref.ref(a), ra == rb, ra != rb)
print(hash(ra) == hash(a))
h = hash(ra)
del a
print(hash(ra) == h)
print(ra == rb)
del b
try:
    hash(rb)
except TypeError as e:
    print("TypeError:", e)
