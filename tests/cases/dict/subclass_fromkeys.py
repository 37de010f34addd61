def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

class D(dict):
    pass
d = D.fromkeys([1, 2], 'v')
print(d, type(d).__name__, D(a=1), type(D(a=1) | {2: 3}).__name__)
class M(dict):
    def __missing__(self, key):
        return key * 2
m = M()
print(m[21], 21 in m, m.get(21))
