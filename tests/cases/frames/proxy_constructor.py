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
    fr = sys._getframe()
    P = type(fr.f_locals)
    attempt("P(frame)", lambda: sorted(P(fr)))
    attempt("P(frame) is new", lambda: P(fr) is fr.f_locals)
    attempt("P()", lambda: P())
    attempt("P(1)", lambda: P(1))
    attempt("P(frame, 1)", lambda: P(fr, 1))
    attempt("P(frame=fr)", lambda: P(frame=fr))
    attempt("P(module frame)", lambda: P(fr.f_back))
    attempt("subclass", lambda: type("Sub", (P,), {}))

f()
