import _warnings


class MyWarning(Warning):
    pass


_warnings.warn("custom", MyWarning)
_warnings.warn(MyWarning("instance wins"), RuntimeWarning)
_warnings.warn(42)
_warnings.warn("explicit none", None)
for bad in [int, 5, "UserWarning", Exception]:
    try:
        _warnings.warn("x", bad)
    except TypeError as e:
        print(e)
