import weakref, gc
class Res:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"Res({self.n})"
a, b = Res(1), Res(2)
wv = weakref.WeakValueDictionary(); wv["a"] = a; wv["b"] = b
print(sorted(wv.keys()), wv["a"])
del a
print(sorted(wv.keys()), wv.get("a"))
wk = weakref.WeakKeyDictionary(); k = Res(3); wk[k] = "v"
print(list(wk.items())); del k; print(len(wk))
ws = weakref.WeakSet(); x = Res(4); ws.add(x); print(len(ws), x in ws); del x; print(len(ws))
y = Res(5)
fin = weakref.finalize(y, print, "finalized", 5)
print(fin.alive, fin.peek()[0])
del y
print(fin.alive)
class M:
    def meth(self): return "called"
m = M()
wm = weakref.WeakMethod(m.meth)
print(wm()())
del m
print(wm())
