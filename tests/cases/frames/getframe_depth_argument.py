import sys

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)

def inner():
    for depth in range(4):
        print(depth, sys._getframe(depth).f_code.co_name)
    attempt("depth 4", lambda: sys._getframe(4).f_code.co_name)
    attempt("depth 50", lambda: sys._getframe(50))
    attempt("negative", lambda: sys._getframe(-3).f_code.co_name)
    attempt("keyword", lambda: sys._getframe(depth=1))
    attempt("float", lambda: sys._getframe(1.0))
    attempt("two args", lambda: sys._getframe(1, 2))
    attempt("bool", lambda: sys._getframe(True).f_code.co_name)

def middle():
    inner()

def outer():
    middle()

outer()
