class M:
    def __init__(self, d): self.d = d
    def keys(self): return self.d.keys()
    def __getitem__(self, k): return self.d[k]
    def __len__(self): return len(self.d)
    def get(self, k, default=None):
        print("get", k); return self.d.get(k, default)
def f(m):
    match m:
        case {"a": 1}: return "matched"
        case _: return "no"
print(f(M({"a": 1})))
print(f({"a": 1}))
