def f(a: int) -> str: pass
print(f.__annotate__ is not None, f.__annotations__, f.__annotations__ is f.__annotations__)
def g(): pass
print(g.__annotate__, g.__annotations__)
g.__annotations__ = {"x": 1}
print(g.__annotations__, g.__annotate__)
f.__annotate__ = None
print(f.__annotations__)
try:
    f.__annotate__ = 5
except TypeError as e: print(e)
try:
    f.__annotations__ = 5
except TypeError as e: print(e)
def h(x: int): pass
h.__annotate__ = lambda fmt: {"y": fmt}
print(h.__annotations__)
del h.__annotations__
print(h.__annotations__, h.__annotate__)
def k(x: int): pass
k.__annotations__
k.__annotate__ = lambda fmt: {"z": 2}
print(k.__annotations__)
def bad(x: int): pass
bad.__annotate__ = lambda fmt: 5
try: bad.__annotations__
except TypeError as e: print(e)
try: del f.__annotate__
except TypeError as e: print(e)
print(f.__type_params__, f.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, '__dict__') else type(f.__builtins__))
def t[T](): pass
print(t.__type_params__)
f.__type_params__ = ()
try: f.__type_params__ = [1]
except TypeError as e: print(e)
try: del f.__type_params__
except TypeError as e: print(e)
def c(): return 1
def d(): return 2
try: c.__defaults__ = 5
except TypeError as e: print(e)
try: c.__kwdefaults__ = 5
except TypeError as e: print(e)
try: c.__globals__ = {}
except AttributeError as e: print(e)
try: c.__closure__ = ()
except AttributeError as e: print(e)
try: del c.__name__
except TypeError as e: print(e)
try: c.__qualname__ = 5
except TypeError as e: print(e)
c.__dict__ = {"q": 1}; print(c.q)
try: c.__dict__ = 5
except TypeError as e: print(e)
print(type(c.__dict__), c.__doc__, (lambda: 0).__doc__)
def with_doc(): "doc here"
print(with_doc.__doc__)
import sys
print(repr(type(f)), type(f).__module__)
