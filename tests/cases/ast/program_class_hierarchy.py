from abc import ABC, abstractmethod
import math


class Shape(ABC):
    registry: dict[str, type["Shape"]] = {}

    def __init_subclass__(cls, /, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Shape.registry[key or cls.__name__.lower()] = cls

    @abstractmethod
    def area(self) -> float: ...

    def __lt__(self, other: "Shape") -> bool:
        return self.area() < other.area()

    def __str__(self):
        return f"{type(self).__name__}(area={self.area():.3f})"


class Circle(Shape, key="circle"):
    def __init__(self, r: float):
        self.r = r

    def area(self):
        return math.pi * self.r ** 2


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Square(Rect, key="sq"):
    def __init__(self, side):
        super().__init__(side, side)


def build(spec: str) -> Shape:
    name, *args = spec.split()
    return Shape.registry[name](*map(float, args))


shapes = sorted(build(s) for s in ["circle 1", "rect 2 3", "sq 1.5"])
print(*shapes, sep="\n")
print(max(shapes), min(shapes, key=lambda s: -s.area()))
