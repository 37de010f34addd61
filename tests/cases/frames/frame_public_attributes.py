import sys

f = sys._getframe()
print([name for name in dir(f) if not name.startswith("__")])
print(type(f).__name__, type(f).__module__, type(f).__qualname__)
def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)
attempt("construct", lambda: type(f)())
attempt("subclass", lambda: type("Sub", (type(f),), {}))
attempt("hash equal to itself", lambda: hash(f) == hash(f))
attempt("equal", lambda: (f == f, f == sys._getframe(), f != 1))
attempt("ordering", lambda: f < f)
