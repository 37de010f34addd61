import sys

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)

def f():
    return sys._getframemodulename(), sys._getframemodulename(1)

attempt("names", f)
attempt("too deep", lambda: sys._getframemodulename(100))
attempt("keyword", lambda: sys._getframemodulename(depth=0))
ns = {"sys": sys, "__name__": "fake_module"}
exec("r = sys._getframemodulename()", ns)
print(ns["r"])
