from __future__ import annotations
class C:
    a: Unknown
    def m(self, b: C) -> None:
        pass
