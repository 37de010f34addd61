import sys

def make():
    value = "enclosing"
    class Inner:
        fr = sys._getframe()
        seen = value
        print(fr.f_back.f_code.co_name, fr.f_code.co_qualname)
        print(sorted(k for k in fr.f_locals if not k.startswith("__")))
    return Inner

K = make()
print(K.seen)
