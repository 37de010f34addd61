import sys

def deco(fn):
    def wrapper(*args):
        print("wrapper frame:", sys._getframe().f_code.co_name, sys._getframe().f_code.co_qualname)
        return fn(*args)
    wrapper.__name__ = fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper

@deco
def target():
    return [sys._getframe(i).f_code.co_name for i in range(3)]

print(target())
print(target.__name__, target.__wrapped__.__code__.co_name)
