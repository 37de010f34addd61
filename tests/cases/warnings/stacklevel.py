import _warnings


def inner(level):
    _warnings.warn(f"level {level}", stacklevel=level)


def outer(level):
    inner(level)


outer(1)
outer(2)
outer(3)
outer(0)
outer(-5)
outer(50)
import sys
print(sorted(repr(k) for k in sys.__dict__["__warningregistry__"]))
