class M:
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
m = M(); m["a"] = 1; print(m["a"]); del m["a"]
try:
    m["a"]
except KeyError as e: print(repr(e))
class R:
    def __getitem__(self, k): return k
r = R()
print(r[1], r[1:2], r[1:2:3], r[1, 2], r[...])
