import _weakref
class A: pass
a = A()
print(_weakref.getweakrefcount(a))
r1 = _weakref.ref(a)
r2 = _weakref.ref(a, print)
print(_weakref.getweakrefcount(a))
del r2
print(_weakref.getweakrefcount(a))
print(_weakref.getweakrefcount(1))
print(len(_weakref.getweakrefs(a)), _weakref.getweakrefs(a)[0] is r1)
