import sys

class Recording(dict):
    def __setitem__(self, key, value):
        print("set", key)
        super().__setitem__(key, value)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recording()
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, dict(ns))

class C(metaclass=Meta):
    fr = sys._getframe()
    print(type(fr.f_locals).__name__, type(locals()).__name__)
    fr.f_locals["via_frame"] = 1

print(C.via_frame)
