import _warnings

_warnings.filters.insert(0, ("bogus", None, UserWarning, None, 0))
try:
    _warnings.warn("b")
except RuntimeError as e:
    print(repr(e))
_warnings.filters[0] = 5
try:
    _warnings.warn("b")
except ValueError as e:
    print(e)
_warnings.filters[0] = ("error", None, UserWarning, None)
try:
    _warnings.warn("b")
except ValueError as e:
    print(e)
del _warnings.filters[0]
for call in [lambda: _warnings.warn(),
             lambda: _warnings.warn("x", UserWarning, 1, None, ()),
             lambda: _warnings.warn("x", stacklevel="2"),
             lambda: _warnings.warn("x", colour=1),
             lambda: _warnings.warn_explicit("x", UserWarning, "f"),
             lambda: _warnings._release_lock(),
             lambda: _warnings._filters_mutated_lock_held()]:
    try:
        call()
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)
_warnings._acquire_lock()
_warnings._acquire_lock()
_warnings._release_lock()
_warnings._release_lock()
