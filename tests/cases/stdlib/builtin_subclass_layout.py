class D(dict):
    def __init__(self, tag=None):
        super().__init__()
        self.tag = tag
d = D(5); d["k"] = 1
print(d, d.tag, type(d).__name__)
class I(int):
    pass
i = I(7); i.note = "seven"
print(i + 1, i.note, vars(i))
class S(str):
    __slots__ = ("extra",)
s = S("abc"); s.extra = 1
print(s.upper(), s.extra)
try:
    s.other = 2
except AttributeError as e:
    print("AttributeError")
class T(tuple):
    pass
t = T((1, 2)); t.name = "pair"
print(t, t.name, len(t), isinstance(t, tuple), type(tuple.__new__(T, [3])).__name__)
class L(list):
    pass
l = L([1, 2]); l.append(3)
print(l, type(l).__name__, L("ab"))
class St(set):
    def __init__(self, a, b):
        super().__init__([a, b])
print(sorted(St(1, 2)))
import weakref
print(weakref.ref(d)() is d, weakref.ref(i)() is i)
