import sys


def a():
    raise ValueError("deep")


sys.tracebacklimit = -5
a()
