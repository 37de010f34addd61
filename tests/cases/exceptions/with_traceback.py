try:
    raise ValueError("x")
except ValueError as e:
    tb = e.__traceback__
e2 = KeyError("y")
print(e2.with_traceback(tb) is e2, e2.__traceback__ is tb)
print(e2.with_traceback(None).__traceback__)
try:
    e2.with_traceback(1)
except TypeError as t: print(t)
