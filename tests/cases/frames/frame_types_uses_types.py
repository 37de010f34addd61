import sys
import types

def f():
    return sys._getframe()

try:
    f()
    raise ValueError
except ValueError as e:
    tb = e.__traceback__

print(type(f()) is types.FrameType)
print(type(tb) is types.TracebackType)
print(type(f.__code__) is types.CodeType)
def gen():
    yield
print(type(gen()) is types.GeneratorType)
print(hasattr(types, "FrameLocalsProxyType"))
print(types.FunctionType(f.__code__, {"sys": sys})().f_code is f.__code__)
