def getter(self): "getter doc"; return 1
p = property(getter)
print(p.__doc__)
p2 = property(getter, doc="explicit")
print(p2.__doc__, p2.fset, p2.fdel)
print(property().__doc__)
