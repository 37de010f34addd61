import sys

def f():
    outer = "x"
    names = [sys._getframe().f_code.co_name for _ in range(1)]
    same = [sys._getframe() is sys._getframe(0) for _ in range(1)]
    backs = {sys._getframe().f_back.f_code.co_name for _ in range(1)}
    dicts = {k: sys._getframe().f_code.co_name for k in "a"}
    return names, same, backs, dicts

print(f())
print([sys._getframe().f_code.co_name for _ in range(1)])
class C:
    names = [sys._getframe().f_code.co_name for _ in range(1)]
print(C.names)
