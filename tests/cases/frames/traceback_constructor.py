import sys

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)

try:
    raise ValueError
except ValueError as e:
    TB = type(e.__traceback__)

fr = sys._getframe()
attempt("build", lambda: (lambda t: (t.tb_next, t.tb_frame is fr, t.tb_lasti, t.tb_lineno))(TB(None, fr, 0, 7)))
attempt("chain", lambda: TB(TB(None, fr, 0, 1), fr, 2, 3).tb_next.tb_lineno)
attempt("bad next", lambda: TB(1, fr, 0, 1))
attempt("bad frame", lambda: TB(None, None, 0, 1))
attempt("bad lasti", lambda: TB(None, fr, "0", 1))
attempt("no args", lambda: TB())
attempt("keywords", lambda: TB(tb_next=None, tb_frame=fr, tb_lasti=0, tb_lineno=5).tb_lineno)
attempt("lineno zero", lambda: TB(None, fr, 0, 0).tb_lineno)
attempt("negative lasti", lambda: TB(None, fr, -1, 1).tb_lasti)
print(TB.__name__, TB.__module__)
try:
    raise ValueError("with built tb").with_traceback(TB(None, fr, 0, 99))
except ValueError as e:
    t = e.__traceback__
    print(t.tb_lineno, t.tb_next.tb_lineno)
