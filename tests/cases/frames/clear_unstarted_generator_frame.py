import sys

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)

def gen():
    print("body runs")
    yield 1

g = gen()
fr = g.gi_frame
print(fr.f_lineno, fr.f_lasti)
attempt("clear unstarted", fr.clear)
print(g.gi_frame, g.gi_suspended, g.gi_running)
attempt("next after clear", lambda: next(g))
