import sys

class C:
    fr = sys._getframe()
    ns = fr.f_locals
    print(type(ns).__name__, ns is locals())
    print(fr.f_code.co_name, fr.f_code.co_qualname)
    print(fr.f_back.f_code.co_name)
    ns["injected"] = "yes"
    print(sorted(k for k in ns if not k.startswith("__")))
    print(ns["__qualname__"], ns["__module__"])

print(C.injected)
print(C.fr.f_locals is C.ns)
