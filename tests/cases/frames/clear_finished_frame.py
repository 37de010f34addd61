import sys

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("finalized", self.name)

def f():
    a = Noisy("a")
    b = 2
    return sys._getframe()

fr = f()
print(sorted(fr.f_locals))
print("clearing")
r = fr.clear()
print("cleared, returned", r)
print(sorted(fr.f_locals), len(fr.f_locals))
print(fr.f_code.co_name, fr.f_lineno)
fr.clear()
print("second clear ok")
