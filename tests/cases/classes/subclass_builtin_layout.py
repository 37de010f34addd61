# Python subclasses of built-ins get an instance dict and weak references after the built-in's layout; the best base decides the layout.
import gc, _weakref as weakref
class D(dict): pass
d = D(); d.x = 1; print(d.x, d.__dict__)
class L(list): pass
l = L(); l.y = 2; print(l.y)
class Base:
    def hi(self): return "hi"
class C(Base, dict): pass
print(C.__base__, C.__mro__)
c = C(a=1); c.z = 3
print(c, c.hi(), c.z, isinstance(c, dict))
try:
    class X(int, str): pass
except TypeError as e: print(e)
class I(int): pass
i = I(5); i.tag = "t"; print(i + 1, i.tag, vars(i))
class S(str): pass
s = S("ab"); s.n = 1; print(s.upper(), s.n)
class T(tuple): pass
t = T((1, 2)); t.k = 3; print(t, t.k, len(t))
class L(list): pass
l = L([1]); l.me = l; r = weakref.ref(l); del l; gc.collect(); print(r())
class F(float): pass
f = F(1.5); f.a = 2; print(f * 2, f.a)
class D(dict): pass
d = D(a=1); d.self = d; d["d"] = d; del d; print(gc.collect() >= 0)
class E(D): pass
e = E(); e.q = 1; e.__class__ = D; print(type(e).__name__, e.q)
