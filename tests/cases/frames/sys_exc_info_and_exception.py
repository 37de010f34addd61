import sys

def show(label):
    t, v, tb = sys.exc_info()
    print(label, t.__name__ if t else None, v, tb is not None, sys.exception() is v)

show("before")
try:
    raise ValueError("outer")
except ValueError:
    show("outer handler")
    try:
        raise KeyError("inner")
    except KeyError:
        show("inner handler")
    show("back in outer")
    def called():
        show("in called function")
    called()
show("after")
try:
    raise TypeError("t")
except TypeError as e:
    pass
print(sys.exc_info())
try:
    try:
        raise OSError("in try")
    finally:
        show("finally during exception")
except OSError:
    pass
