class Point:
    """A point."""
    __slots__ = ("x", "y")
    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y
    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    @classmethod
    def origin(cls):
        return cls()
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
