import sys

f = sys._getframe()
print(f.f_code.co_name, f.f_back)
print(f.f_locals is globals())
