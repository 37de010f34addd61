import sys

def f():
    x = 1
    p = sys._getframe().f_locals
    exec("x = 2", globals(), p)
    print(x)
    exec("new_name = 3", globals(), p)
    print("new_name" in p, p["new_name"])
    print(eval("x * 10", globals(), p))
    exec("del new_name", globals(), p)
    print("new_name" in p)
    try:
        exec("del x", globals(), p)
    except Exception as e:
        print(type(e).__name__, e)
    print(x)

f()
