import _warnings


def bump():
    _warnings._acquire_lock()
    _warnings._filters_mutated_lock_held()
    _warnings._release_lock()


_warnings.filters.insert(0, ("ignore", None, UserWarning, None, 0))
bump()
_warnings.warn("ignored")
print(sorted(repr(k) for k in __warningregistry__))
_warnings.filters[0] = ("always", None, UserWarning, None, 0)
bump()
for i in range(2):
    _warnings.warn("always shown")
print(sorted(repr(k) for k in __warningregistry__))
_warnings.filters[0] = ("all", None, UserWarning, None, 0)
bump()
for i in range(2):
    _warnings.warn("all shown")
