import sys

def f():
    p = sys._getframe().f_locals
    try:
        raise ValueError("v")
    except ValueError as err:
        print("err" in p, type(p["err"]).__name__)
    print("err" in p, list(p))
    for loop_var in range(2):
        pass
    print(p["loop_var"])
    class CM:
        def __enter__(self):
            return self
        def __exit__(self, *a):
            pass
    with CM() as fh:
        pass
    print(sorted(p))

f()
