def f():
    try:
        raise ValueError("v")
    finally:
        print("finally")
try:
    f()
except ValueError as e: print("outer", e)
def g():
    try:
        raise ValueError
    except ValueError:
        raise
try:
    g()
except ValueError as e: print("reraised", repr(e))
