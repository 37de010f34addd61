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
    attempt("clear own frame", fr.clear)
    attempt("clear caller frame", fr.f_back.clear)
    return "still running"

def caller():
    return f()

print(caller())
attempt("clear module frame", sys._getframe().clear)
