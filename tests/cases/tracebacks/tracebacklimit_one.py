import sys


def a():
    b()


def b():
    c()


def c():
    raise ValueError("deep")


sys.tracebacklimit = 2
try:
    a()
except ValueError as e:
    raise KeyError("outer") from e
