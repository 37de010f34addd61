import sys

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)

def f():
    fr = sys._getframe()
    attempt("set own f_lineno", lambda: setattr(fr, "f_lineno", 3))
    attempt("set caller f_lineno", lambda: setattr(fr.f_back, "f_lineno", 1))
    attempt("set f_lineno str", lambda: setattr(fr, "f_lineno", "3"))
    attempt("delete f_lineno", lambda: delattr(fr, "f_lineno"))
    return fr

done = f()
attempt("set finished frame f_lineno", lambda: setattr(done, "f_lineno", 12))
print(done.f_lineno)
