import sys

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)

def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")

g = gen()
next(g)
print(g.gi_suspended)
attempt("clear suspended", g.gi_frame.clear)
print(g.gi_suspended, g.gi_frame is not None)
print(next(g))
g.close()
print("closed", g.gi_frame)
