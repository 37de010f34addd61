def f():
    raise ValueError("in f")
def g():
    try:
        f()
    except ValueError as e:
        raise ExceptionGroup("outer", [e, ExceptionGroup("inner", [TypeError("t"), KeyError("k")])])
g()
