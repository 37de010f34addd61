import _warnings

_warnings.filters.insert(0, ("error", None, UserWarning, None, 0))
try:
    _warnings.warn("as error")
except UserWarning as e:
    print("caught", repr(e))
_warnings.warn("runtime is fine", RuntimeWarning)


class Custom(UserWarning):
    pass


try:
    _warnings.warn(Custom("instance"))
except Custom as e:
    print("caught", type(e).__name__, e.args)
_warnings.warn("uncaught")
print("not reached")
