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
    attempt("p | dict", lambda: sorted((p | {"y": 2}).items()) )
    attempt("type p | dict", lambda: type(p | {}).__name__)
    attempt("dict | p", lambda: sorted(({"y": 2, "x": 0} | p).items()))
    attempt("type dict | p", lambda: type({} | p).__name__)
    attempt("p | 1", lambda: p | 1)
    attempt("1 | p", lambda: 1 | p)
    attempt("p | p", lambda: sorted((p | p)))
    q = p
    q |= {"x": 5, "z": 6}
    print(x, q is p, list(p))
    try:
        q |= 3
    except TypeError as e:
        print("TypeError", e)

f()
