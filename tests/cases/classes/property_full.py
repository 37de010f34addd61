class P:
    def __init__(self): self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v): self._x = v * 10
    @x.deleter
    def x(self): print("deleting"); self._x = None
p = P(); p.x = 2; print(p.x); del p.x; print(p.x)
print(P.x.__doc__, type(P.x).__name__, P.x.fget.__name__)
class Q:
    y = property(lambda self: 1)
try:
    Q().y = 2
except AttributeError as e: print(e)
try:
    del Q().y
except AttributeError as e: print(e)
