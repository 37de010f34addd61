def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)

def a():
    b()

def b():
    raise KeyError("k")

try:
    a()
except KeyError as e:
    tb = e.__traceback__

second = tb.tb_next
third = second.tb_next
print(third.tb_next)
attempt("set to int", lambda: setattr(tb, "tb_next", 1))
attempt("delete", lambda: delattr(tb, "tb_next"))
attempt("self loop", lambda: setattr(tb, "tb_next", tb))
attempt("longer loop", lambda: setattr(third, "tb_next", tb))
attempt("skip one", lambda: setattr(tb, "tb_next", third))
print(tb.tb_next is third)
attempt("cut", lambda: setattr(tb, "tb_next", None))
print(tb.tb_next)
attempt("set tb_lineno", lambda: setattr(tb, "tb_lineno", 3))
attempt("set tb_frame", lambda: setattr(tb, "tb_frame", None))
attempt("set tb_lasti", lambda: setattr(tb, "tb_lasti", 0))
