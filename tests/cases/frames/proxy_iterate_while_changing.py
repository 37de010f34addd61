import sys

def f():
    a = 1
    p = sys._getframe().f_locals
    seen = []
    for key in p:
        seen.append(key)
        if key == "a":
            p["added_during_iteration"] = True
    print(seen)
    print(list(p))
    items = p.items()
    b = 2
    print([k for k, v in items])

f()
