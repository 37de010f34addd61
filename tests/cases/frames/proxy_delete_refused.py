import sys

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)

def f(arg):
    x = 1
    def inner():
        return x
    p = sys._getframe().f_locals
    def delete(key):
        del p[key]
    attempt("del fast local", lambda: delete("arg"))
    attempt("del cell", lambda: delete("x"))
    attempt("del missing", lambda: delete("nothing"))
    attempt("del int key", lambda: delete(1))
    print(arg, x)
    p["extra"] = 1
    attempt("del extra", lambda: delete("extra"))
    attempt("pop local", lambda: p.pop("arg"))
    attempt("pop missing", lambda: p.pop("missing"))
    attempt("pop missing default", lambda: p.pop("missing", "dflt"))
    p["extra2"] = 2
    attempt("pop extra", lambda: p.pop("extra2"))
    print(list(p))

f("a")
