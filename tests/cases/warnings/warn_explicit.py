import _warnings

_warnings.warn_explicit("no such file", UserWarning, "nowhere.py", 7)
_warnings.warn_explicit("this file", UserWarning, "warn_explicit.py", 3)
_warnings.warn_explicit("line zero", UserWarning, "warn_explicit.py", 0)
reg = {}
_warnings.warn_explicit("with registry", UserWarning, "x.py", 1, "mod", reg)
_warnings.warn_explicit("with registry", UserWarning, "x.py", 1, "mod", reg)
print(sorted(repr(k) for k in reg))
_warnings.warn_explicit(UserWarning("instance"), RuntimeWarning, "x.py", 2)
_warnings.filters.insert(0, ("error", None, Warning, "target", 0))
try:
    _warnings.warn_explicit("module filter", UserWarning, "target.py", 5)
except UserWarning as e:
    print("module matched:", e)
_warnings.warn_explicit("other module", UserWarning, "other.py", 5)
del _warnings.filters[0]
_warnings.filters.insert(0, ("error", None, Warning, None, 9))
try:
    _warnings.warn_explicit("line filter", UserWarning, "a.py", 9)
except UserWarning as e:
    print("line matched:", e)
_warnings.warn_explicit("line filter", UserWarning, "a.py", 8)
try:
    _warnings.warn_explicit("x", UserWarning, "f", 1, registry=5)
except TypeError as e:
    print(e)
