import _warnings


def helper():
    _warnings.warn("skipped here", skip_file_prefixes=("/nonexistent",))


def caller():
    helper()


caller()
try:
    _warnings.warn("x", skip_file_prefixes=["a"])
except TypeError as e:
    print(e)
