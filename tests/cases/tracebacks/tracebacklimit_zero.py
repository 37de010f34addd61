import sys


def a():
    raise ValueError("deep")


sys.tracebacklimit = 0
a()
