class L(list):
    def first(self): return self[0]
l = L([3, 1, 2]); l.append(0)
print(l, l.first(), len(l), type(l).__name__, sorted(l))
class D(dict):
    def __missing__(self, k): return k * 2
d = D(a=1)
print(d["a"], d["zz"], d)
class I(int):
    def __repr__(self): return f"I({int(self)})"
print(I(5), I(5) + 1, repr(I(2)))
class S(str): pass
print(S("ab").upper(), S("x") + "y", type(S("q")).__name__)
