import sys

class CM:
    def __enter__(self):
        print("enter from line", sys._getframe(1).f_lineno - base)
        return self
    def __exit__(self, *exc):
        print("exit from line", sys._getframe(1).f_lineno - base, exc[0])
        return True

def f():
    with CM():
        x = 1
    with CM() as c:
        raise ValueError

base = f.__code__.co_firstlineno
f()
