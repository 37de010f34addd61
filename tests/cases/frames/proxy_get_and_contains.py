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
    attempt("get x", lambda: p.get("x"))
    attempt("get missing", lambda: p.get("missing"))
    attempt("get missing default", lambda: p.get("missing", 42))
    attempt("get no args", lambda: p.get())
    attempt("get int", lambda: p.get(1, "int default"))
    attempt("getitem int", lambda: p[1])
    attempt("getitem list", lambda: p[[1]])
    attempt("contains x", lambda: "x" in p)
    attempt("contains int", lambda: 1 in p)
    attempt("contains list", lambda: [1] in p)
    attempt("getitem missing", lambda: p["missing"])

f()
