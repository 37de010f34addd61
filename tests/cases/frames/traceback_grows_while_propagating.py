def names(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno - base))
        tb = tb.tb_next
    return out

base = 0

def inner():
    raise RuntimeError("x")

def middle():
    try:
        inner()
    except RuntimeError as e:
        print("in middle:", names(e.__traceback__))
        raise

def outer():
    try:
        middle()
    except RuntimeError as e:
        print("in outer:", names(e.__traceback__))
        raise e

try:
    outer()
except RuntimeError as e:
    print("at top:", names(e.__traceback__))
