import sys

r = [sys._getframe().f_locals is globals() for x in range(1)]
print(r)
print([type(sys._getframe().f_locals).__name__ for x in range(1)])
print([("x" in locals(), "r" in locals()) for x in range(1)])
print(sys._getframe().f_locals is globals(), type(locals()).__name__)

class C:
    y = 1
    print([type(sys._getframe().f_locals).__name__ for x in range(1)])
    print([sorted(locals()) for x in range(1)])
    print(type(sys._getframe().f_locals).__name__)
