import _warnings

_warnings.warn("deprecated at import", DeprecationWarning)
_warnings.warn("user warning at import")


def old_api():
    _warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)


def noisy():
    _warnings.warn("noisy in module")
