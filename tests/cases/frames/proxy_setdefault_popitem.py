import sys

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)

def f():
    x = 1
    p = sys._getframe().f_locals
    attempt("setdefault existing", lambda: p.setdefault("x", 5))
    attempt("setdefault new", lambda: p.setdefault("fresh", 7))
    attempt("setdefault no default", lambda: p.setdefault("fresh2"))
    print(list(p), x)
    attempt("popitem", lambda: p.popitem())
    attempt("clear", lambda: p.clear())
    attempt("fromkeys", lambda: type(p).fromkeys(["a"]))
    print([m for m in ("keys", "values", "items", "get", "update", "copy", "setdefault", "pop", "popitem", "clear", "fromkeys", "__reversed__", "__or__", "__ror__", "__ior__") if hasattr(p, m)])

f()
