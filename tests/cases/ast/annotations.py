x: int
y: list[int] = []
z: "forward" = None
(w): int = 1
a.b: str
c[0]: float = 1.0
d: int = (yield_value := 0)
def f(a: int, b: str = "s", *args: tuple, c: bool, **kw: dict) -> None:
    e: int = 1
    (g): str
class C:
    attr: int
    other: "C" = None
