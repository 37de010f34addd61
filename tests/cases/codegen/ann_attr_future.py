from __future__ import annotations
class C:
    x: int
    a.b: int
