import sys

def f():
    outer = 1
    inside = [sorted(sys._getframe().f_locals) for item in range(1)]
    print(inside)
    print(sorted(sys._getframe().f_locals))
    via_locals = [sorted(locals()) for item in range(1)]
    print(via_locals)
    nested = [[sorted(locals()) for b in range(1)] for a in range(1)]
    print(nested)

f()
