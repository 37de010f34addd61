class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def norm2(self):
        return self.x ** 2 + self.y ** 2
p = Point(1, 2)
print(p, p + Point(3, 4), p == Point(1, 2), p != Point(0, 0), p.norm2(), Point.__doc__, Point.dims)
print(Point.__name__, Point.__qualname__, type(p).__name__, isinstance(p, Point), p.__dict__)
try:
    hash(p)
except TypeError as e:
    print(e)
class Point3(Point):
    dims = 3
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
    def norm2(self):
        return super().norm2() + self.z ** 2
q = Point3(1, 2, 2)
print(q.norm2(), q.dims, Point3.__mro__, issubclass(Point3, Point), Point3.__bases__)
print(getattr(q, "z"), getattr(q, "w", "default"), hasattr(q, "x"))
setattr(q, "w", 9); del q.x
print(sorted(vars(q).items()))
try:
    q.x
except AttributeError as e:
    print(e)
class Empty:
    pass
e = Empty()
e.attr = 1
print(e.attr, Empty.__module__, type(Empty), type(type))
