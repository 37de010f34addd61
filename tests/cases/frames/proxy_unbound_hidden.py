import sys

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)

def f(a, b=2):
    p = sys._getframe().f_locals
    print(list(p))
    print(len(p))
    attempt("p['c']", lambda: p["c"])
    attempt("p.get('c')", lambda: p.get("c", "default"))
    attempt("'c' in p", lambda: "c" in p)
    c = 3
    print(list(p))
    del c
    print(list(p))
    if False:
        d = 4
    print(list(p), len(p))

f(1)
