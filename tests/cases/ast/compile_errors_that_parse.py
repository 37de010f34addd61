return 1
yield x
await y
nonlocal z
break
continue
*a = b
f(a=1, a=2)
def g(a, a): pass
x = 1
global x
__debug__ = 0
def h[T, T](): pass
class C:
    return 2
from __future__ import annotations
