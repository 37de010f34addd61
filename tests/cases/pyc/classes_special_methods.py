class Vec:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __contains__(self, v):
        return v in self.items
    def __iter__(self):
        return iter(self.items)
    def __bool__(self):
        return bool(self.items)
    def __str__(self):
        return "Vec" + str(self.items)
    def __mul__(self, k):
        return Vec(*[x * k for x in self.items])
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(*[-x for x in self.items])
    def __lt__(self, other):
        return len(self) < len(other)
v = Vec(1, 2, 3)
v[0] = 10
print(len(v), v[1], 2 in v, list(v), bool(v), bool(Vec()), str(v), v * 2, 3 * v, -v)
print(sorted([Vec(1, 2), Vec(1)], key=len)[0], Vec(1) < v, max(Vec(1), v))
