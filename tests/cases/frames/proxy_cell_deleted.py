import sys

def outer():
    cell = "value"
    def inner():
        return cell
    p = sys._getframe().f_locals
    print("cell" in p, p["cell"])
    del cell
    print("cell" in p, list(p))
    try:
        inner()
    except NameError as e:
        print("NameError", e)
    p["cell"] = "restored through proxy"
    print(inner())

outer()
