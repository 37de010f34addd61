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
    attempt("== dict", lambda: p == {"x": 1, "p": p})
    attempt("!= dict", lambda: p != {"x": 1})
    attempt("== itself", lambda: p == p)
    q = sys._getframe().f_locals
    attempt("== another proxy of same frame", lambda: p == q)
    attempt("lambda frame proxy", lambda: sorted(sys._getframe().f_locals))
    attempt("== list", lambda: p == [])
    attempt("< dict", lambda: p < {})
    attempt("hash", lambda: hash(p))
    def g():
        x = 1
        return sys._getframe().f_locals
    attempt("== other frame's proxy", lambda: g() == {"x": 1})
    attempt("bool", lambda: bool(p))
    def empty():
        return sys._getframe().f_locals
    attempt("bool empty", lambda: bool(empty()))

f()
