import sys
def f():
    return sys._getframe(0).f_code.co_name, sys._getframe(1).f_code.co_name
print(f())
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError:", e)
