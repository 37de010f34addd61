import sys

def f():
    return sys._getframe().f_code

def g(x):
    def inner():
        return sys._getframe().f_code, x
    return inner

print(f() is f.__code__)
inner = g(1)
print(inner()[0] is inner.__code__)
print(sys._getframe().f_code.co_name)
print(type(f()).__name__)
print(f().co_name, f().co_qualname, f().co_filename.endswith("f_code_identity.py"))
