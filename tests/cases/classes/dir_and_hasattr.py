class A:
    x = 1
    def m(self): pass
a = A(); a.y = 2
print([n for n in dir(a) if not n.startswith("__")])
print(hasattr(a, "x"), hasattr(a, "z"), getattr(a, "z", "dflt"))
try:
    getattr(a, "z")
except AttributeError as e: print(e)
try:
    getattr(a, 1)
except TypeError as e: print(e)
