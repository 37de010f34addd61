class L(list):
    def __len__(self): return 99
    def __getitem__(self, i): return "item"
l = L([1, 2])
print(len(l), l[0])
class D(dict):
    def __getitem__(self, k): return "always"
d = D(x=1)
print(d["x"], d.get("x"))
