def f():
    raise ValueError("stripped").with_traceback(None)

def g():
    f()

g()
