import sys

def caller_line():
    return sys._getframe(1).f_lineno

def g(*args):
    return caller_line()

def f():
    a = caller_line()
    b = g(
        1,
        2,
    )
    c = [
        1,
        caller_line(),
    ]
    d = (caller_line()
         + 0)
    return a, b, c, d

print(f())
