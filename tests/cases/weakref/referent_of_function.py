import _weakref
def f(): return 1
r = _weakref.ref(f)
print(r() is f, r()())
del f
print(r())
