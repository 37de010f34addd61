import _warnings


def bump():
    _warnings._acquire_lock()
    _warnings._filters_mutated_lock_held()
    _warnings._release_lock()


def show(label):
    print(label, sorted(repr(k) for k in __warningregistry__))


_warnings.filters.insert(0, ("once", None, UserWarning, None, 0))
bump()
_warnings.warn("o")
_warnings.warn("o")
_warnings.warn("p")
show("once")
_warnings.warn_explicit("o", UserWarning, "elsewhere.py", 3)
_warnings.warn_explicit("o", UserWarning, "elsewhere.py", 4)
print(sorted(repr(k) for k in _warnings._onceregistry if k != "version"))
_warnings.filters[0] = ("module", None, UserWarning, None, 0)
bump()
_warnings.warn("m")
_warnings.warn("m")
show("module")
