import sys

def make():
    a = 1
    b = [a, 2]
    fr = sys._getframe()
    b.append(3)
    return fr

def caller():
    return make()

fr = caller()
print(fr.f_code.co_name)
print(fr.f_lineno)
print(sorted(fr.f_locals.keys()))
print(fr.f_locals["a"], fr.f_locals["b"])
print(fr.f_back.f_code.co_name if fr.f_back else None)
print(fr.f_back.f_back.f_code.co_name if fr.f_back and fr.f_back.f_back else None)
print(type(fr.f_locals).__name__)
fr.f_locals["a"] = 99
print(fr.f_locals["a"])
print(fr.f_generator)
