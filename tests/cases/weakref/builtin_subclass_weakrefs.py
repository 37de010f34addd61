# Which instances of subclasses of built-in types accept weak references: not those of
# int/tuple/bytes subclasses (variable-size in CPython), nor of classes whose __slots__
# leave out __weakref__ over a base without them.
import weakref

class D(dict): pass
class L(list): pass
class I(int): pass
class T(tuple): pass
class B(bytes): pass
class S(str): pass
class F(float): pass
class St(set): pass
class DictSlots(dict):
    __slots__ = ("a",)
class DictSlotsWeak(dict):
    __slots__ = ("a", "__weakref__")
class Plain: pass
class PlainSlots:
    __slots__ = ("a",)
class PlainSlotsWeak:
    __slots__ = ("__weakref__",)
class PlainSubSlots(Plain):
    __slots__ = ("b",)

cases = [(D, ()), (L, ()), (I, (1,)), (T, ()), (B, ()), (S, ("x",)), (F, (1.0,)),
         (St, ()), (DictSlots, ()), (DictSlotsWeak, ()), (Plain, ()), (PlainSlots, ()),
         (PlainSlotsWeak, ()), (PlainSubSlots, ())]
for cls, args in cases:
    obj = cls(*args)
    try:
        ref = weakref.ref(obj)
        print(cls.__name__, "weakref ok", ref() is obj)
    except TypeError as exc:
        print(cls.__name__, "TypeError:", exc)
    print(cls.__name__, "has __dict__:", hasattr(obj, "__dict__"))

d = D(); d.x = 5
print(d.__dict__, d)
s = DictSlots(); s.a = 3
print(s.a)
try:
    s.b = 1
except AttributeError as exc:
    print(exc)
proxy = weakref.proxy(d)
print(proxy.x, len(proxy))
del d
try:
    proxy.x
except ReferenceError as exc:
    print("ReferenceError:", exc)
