import sys

def f(a, b):
    c = a + b
    p = sys._getframe().f_locals
    print(p.keys())
    print(type(p.keys()).__name__, type(p.values()).__name__, type(p.items()).__name__)
    print(list(p.keys()))
    print([v if not isinstance(v, dict) and type(v).__name__ != "FrameLocalsProxy" else "<p>" for v in p.values()])
    print([k for k, v in p.items()])
    keys = p.keys()
    d = 4
    print(list(keys))
    print(list(iter(p)))
    print(list(reversed(p)))

f(1, 2)
