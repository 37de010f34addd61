import sys

def inner():
    return sys._getframe()

def outer():
    f = inner()
    print("while outer runs:", f.f_back.f_code.co_name, f.f_back is sys._getframe())
    return f

f = outer()
print("after outer returned:", f.f_back.f_code.co_name)
print(f.f_back.f_lineno)
print(f.f_back.f_back is sys._getframe())
