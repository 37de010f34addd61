import _warnings


def f():
    _warnings.warn("from f")


for i in range(3):
    _warnings.warn("loop")
    f()
_warnings.warn("loop")
print(sorted(repr(k) for k in __warningregistry__))
