import sys

def who():
    fr = sys._getframe(1)
    return fr.f_code.co_name, fr.f_code.co_qualname

def f(x: who()) -> who():
    pass

print("defined")
ann = f.__annotations__
print(ann)
print(f.__annotate__.__code__.co_name)

class C:
    attr: who()

print(C.__annotations__)
