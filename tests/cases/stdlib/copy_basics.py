import copy
lst = [1, [2, 3], {"a": (4, [5])}]
dc = copy.deepcopy(lst); dc[1].append(9); dc[2]["a"][1].append(6)
print(lst, dc, copy.copy(lst) == lst, copy.copy(lst)[1] is lst[1])
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"Point({self.x}, {self.y})"
p = Point(1, [2])
q = copy.copy(p); r = copy.deepcopy(p)
q.y.append(3)
print(p, q, r)
class Custom:
    def __init__(self): self.v = [1]
    def __copy__(self): return "shallow"
    def __deepcopy__(self, memo): return "deep"
print(copy.copy(Custom()), copy.deepcopy(Custom()))
cyc = [1]; cyc.append(cyc)
c2 = copy.deepcopy(cyc); print(c2[1] is c2, c2 is not cyc)
print(copy.replace(Point.__new__(Point), ) if False else "ok")
