import sys

def f():
    x = 1
    p = sys._getframe().f_locals
    p["extra"] = "kept"
    p["more"] = 2
    print(list(p))
    print(p["extra"], "extra" in p, len(p))
    try:
        print(extra)
    except NameError as e:
        print("NameError", e)
    print(sys._getframe().f_locals["extra"])
    print("extra" in locals(), locals().get("more"))
    del p["extra"]
    print(list(p))
    try:
        del p["extra"]
    except KeyError as e:
        print("KeyError", e)
    return sys._getframe()

fr = f()
print(list(fr.f_locals))
