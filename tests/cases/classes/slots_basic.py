class P:
    __slots__ = ("x", "y")
    def __init__(self): self.x = 1
p = P()
print(p.x, hasattr(p, "__dict__"))
try:
    p.y
except AttributeError as e: print(e)
try:
    p.z = 3
except AttributeError as e: print(e)
p.y = 2; print(p.y); del p.y
try:
    del p.y
except AttributeError as e: print(e)
print(type(P.x).__name__, P.__slots__)
