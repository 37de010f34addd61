import sys

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)

def f():
    return sys._getframe()

fr = f()
for name in ("f_back", "f_code", "f_globals", "f_builtins", "f_locals", "f_lasti", "f_generator"):
    attempt("set " + name, lambda: setattr(fr, name, None))
    attempt("del " + name, lambda: delattr(fr, name))
attempt("set new attribute", lambda: setattr(fr, "spam", 1))
attempt("get missing", lambda: fr.spam)
attempt("has __dict__", lambda: hasattr(fr, "__dict__"))
