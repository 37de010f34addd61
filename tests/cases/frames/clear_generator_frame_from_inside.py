import sys

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)

def gen():
    fr = sys._getframe()
    attempt("clear running generator frame", fr.clear)
    yield fr

g = gen()
fr = next(g)
print(g.gi_running, g.gi_suspended)
