def f():
    raise KeyError("inner")
try:
    f()
except KeyError as e:
    raise RuntimeError("outer") from e
