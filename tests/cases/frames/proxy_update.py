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
    y = 2
    p = sys._getframe().f_locals
    attempt("update dict", lambda: p.update({"x": 10, "new": 3}))
    print(x, y, list(p))
    attempt("update pairs", lambda: p.update([("y", 20)]))
    print(y)
    attempt("update kwargs", lambda: p.update(x=100))
    print(x)
    attempt("update int", lambda: p.update(1))
    attempt("update none", lambda: p.update())
    def g():
        a = "from g"
        return sys._getframe().f_locals
    attempt("update from proxy", lambda: p.update(g()))
    print(list(p))

f()
