"""Matrix helpers written with comprehensions and operator overloading."""
from numbers import Number
from itertools import zip_longest, product
from operator import mul


class Matrix:
    __slots__ = ("rows",)

    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        if len({len(r) for r in self.rows}) > 1:
            raise ValueError("ragged matrix")

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0]) if self.rows else 0

    def __getitem__(self, key):
        match key:
            case (int(i), int(j)):
                return self.rows[i][j]
            case int(i):
                return self.rows[i]
            case (slice() as rs, slice() as cs):
                return Matrix(r[cs] for r in self.rows[rs])
        raise TypeError(key)

    def __matmul__(self, other):
        (n, m), (m2, p) = self.shape, other.shape
        if m != m2:
            return NotImplemented
        cols = list(zip(*other.rows))
        return Matrix([[sum(map(mul, row, col)) for col in cols] for row in self.rows])

    def __mul__(self, k):
        if not isinstance(k, Number):
            return NotImplemented
        return Matrix([[k * x for x in row] for row in self.rows])

    __rmul__ = __mul__

    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r1, r2, strict=True)] for r1, r2 in zip(self.rows, other.rows)])

    def transpose(self):
        return Matrix(zip(*self.rows))

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __repr__(self):
        width = max((len(str(x)) for row in self.rows for x in row), default=1)
        lines = (" ".join(f"{x:>{width}}" for x in row) for row in self.rows)
        return "Matrix(\n  " + "\n  ".join(lines) + "\n)"


a = Matrix([[1, 2], [3, 4]])
b = Matrix.identity(2)
assert a @ b == a
print(2 * a + a, a.transpose(), a[0, 1], a[::1, 1:])
print(list(product(range(2), repeat=2)), list(zip_longest("ab", "c", fillvalue="-")))
