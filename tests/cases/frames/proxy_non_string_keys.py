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
    attempt("set int key", lambda: p.__setitem__(1, "one"))
    attempt("get int key", lambda: p[1])
    attempt("keys", lambda: list(p))
    attempt("set tuple key", lambda: p.__setitem__((1, 2), "tuple"))
    attempt("set list key", lambda: p.__setitem__([1], "list"))
    class S(str):
        pass
    attempt("set str subclass key", lambda: p.__setitem__(S("x"), "via subclass"))
    print(x)
    attempt("keys at end", lambda: list(p))

f()
