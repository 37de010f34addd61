from collections import namedtuple
P = namedtuple("P", "x y")
p = P(1, y=2)
print(p, p.x, p.y, p._asdict(), p._replace(x=5), P._fields, isinstance(p, tuple))
x, y = p
print(x + y, p == (1, 2), hash(p) == hash((1, 2)), p[1], len(p))
Q = namedtuple("Q", ["a", "b"], defaults=[0])
print(Q(1), Q._field_defaults, Q._make([3, 4]))
class R(namedtuple("R", "lo hi")):
    __slots__ = ()
    def width(self):
        return self.hi - self.lo
print(R(2, 7).width(), R(2, 7))
try:
    P(1)
except TypeError as e:
    print("TypeError", e)
