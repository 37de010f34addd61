import sys

def f():
    frame = sys._getframe()
    first = repr(frame)
    x = 1
    second = repr(frame)
    return first, second, frame

first, second, frame = f()
print(first)
print(second)
print(repr(frame))
