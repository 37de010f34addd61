import weakref, _weakref
class O:
    pass
o = O()
r = weakref.ref(o)
print(r() is o, weakref.ref(o) is r, weakref.getweakrefcount(o), weakref.getweakrefs(o) == [r])
def cb(ref):
    print("callback", ref is r2, ref())
r2 = weakref.ref(o, cb)
del o
print(r(), r2())
for obj in [int, len, {1}, frozenset(), (x for x in []), weakref, (lambda: 0).__code__, lambda: 0]:
    print(type(obj).__name__, weakref.ref(obj)() is obj)
for obj in [1, "s", (), [], {}]:
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(e)
class P:
    def __init__(self): self.x = 1
    def __len__(self): return 3
    def __call__(self, a): return a * 2
p = P()
px = weakref.proxy(p)
print(px.x, len(px), px(21), type(px).__name__, weakref.proxy(p) is px)
px.y = 5; print(p.y)
try:
    hash(px)
except TypeError as e:
    print(e)
del p
try:
    px.x
except ReferenceError as e:
    print("ReferenceError", e)
print(_weakref.ProxyType, _weakref.CallableProxyType, weakref.ReferenceType)
d = {"k": weakref.ref(O())}
_weakref._remove_dead_weakref(d, "k"); print(d)
