# dir() calls type(obj).__dir__ and sorts what it returns
import sys
class A:
    def __dir__(self):
        return ['zeta', 'alpha', 'mid']
print(dir(A()))
class B:
    def __dir__(self):
        return ('b', 'a')
print(dir(B()))
class C:
    def __dir__(self):
        return 42
try:
    dir(C())
except TypeError as e:
    print('TypeError', e)
class D:
    x = 1
    def __init__(self):
        self.y = 2
print([n for n in dir(D()) if not n.startswith('__')])
print([n for n in dir(D) if not n.startswith('__')])
print(dir(sys) == sorted(sys.__dict__))
print('__class__' in dir(sys), 'path' in dir(sys))
import types
m = types.ModuleType('m')
m.b = 1
m.a = 2
print(dir(m))
m.__dir__ = lambda: ['custom', 'listing']
print(dir(m))
print(sorted(type(sys).__dir__(sys)) == dir(sys))
