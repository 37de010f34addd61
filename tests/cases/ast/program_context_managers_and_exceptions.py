import contextlib
import io
import warnings


class Resource:
    opened = 0

    def __enter__(self):
        Resource.opened += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        Resource.opened -= 1
        if exc_type is KeyError:
            print("suppressed", exc)
            return True
        return False


def risky(n):
    with Resource() as r, contextlib.suppress(ZeroDivisionError):
        if n == 0:
            1 / n
        elif n == 1:
            raise KeyError("missing")
        elif n == 2:
            raise ExceptionGroup("many", [ValueError(1), TypeError(2)])
    return r


for i in range(4):
    try:
        risky(i)
    except* ValueError as eg:
        print("values:", eg.exceptions)
    except* TypeError:
        print("types")

buf = io.StringIO()
with contextlib.redirect_stdout(buf), warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("careful", UserWarning)
    print("captured")
print(repr(buf.getvalue()), [str(w.message) for w in caught], Resource.opened)

try:
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise RuntimeError("outer") from e
except RuntimeError as e:
    print(type(e.__cause__).__name__, e.__context__ is e.__cause__)
finally:
    print("done")
