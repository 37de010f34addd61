from __future__ import annotations
x: int = 1
y: list[undefined_name]
class A:
    a: dict[str, int]
    b: A = None
    def f(self, p: Foo, *args: Bar, q: int = 3, **kw: Baz) -> Qux[int]:
        return p
print(__annotations__)
print(A.__annotations__)
print(A.f.__annotations__)
def g(): 
    z: int = 5
    return z
print(g(), g.__annotations__)
ns = {}
exec("from __future__ import annotations\nv: float = 2.0\n", ns)
print(ns['__annotations__'], ns['v'])
class M(dict):
    pass
loc = M()
exec("from __future__ import annotations\nw: int", {}, loc)
print(loc)
