class A:
    def f(self): return __class__
print('__qualname__' in A.__dict__, '__classdictcell__' in A.__dict__, '__classcell__' in A.__dict__)
print(A.__qualname__, A.f.__qualname__)
A.__qualname__ = 'B.C'
print(A.__qualname__, repr(A), A.__name__, '__qualname__' in A.__dict__)
for v in (3, None):
    try: A.__qualname__ = v
    except TypeError as e: print(e)
try: del A.__qualname__
except TypeError as e: print('TE', e)
try: type('X', (), {'__qualname__': 5})
except TypeError as e: print(e)
try: type('X', (), {'__classcell__': 5})
except TypeError as e: print(e)
try: type('X', (), {'__classdictcell__': 5})
except TypeError as e: print(e)
X = type('X', (), {'__qualname__': 'Outer.X'})
print(X.__qualname__, X)
try: int.__qualname__ = 'x'
except TypeError as e: print(e)
class M(type): pass
class Y(metaclass=M):
    z = 1
    def g(self): return __class__
print(sorted(k for k in Y.__dict__ if k.startswith('__') and k not in ('__dict__', '__weakref__')))
print(Y().g() is Y)
def deco():
    class Inner:
        pass
    return Inner
print(deco().__qualname__)
