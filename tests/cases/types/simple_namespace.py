import sys
from types import SimpleNamespace as NS
n = NS(b=2, a=1)
print(n, repr(n), n.a, n.__dict__)
print(NS({'x': 1}, y=2))
print(NS([('x', 1)]))
class Sub(NS): pass
print(Sub(q=1))
n.self = n
print(n)
print(NS(a=1) == NS(a=1), NS(a=1) == Sub(a=1), NS(a=1) != NS(a=2))
try: hash(NS())
except TypeError as e: print(e)
for bad in [lambda: NS(1), lambda: NS(1, 2), lambda: NS({1: 2}), lambda: NS(**{})]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
print(n.__reduce__()[0], n.__reduce__()[1])
print(NS(a=1).__replace__(b=2))
print(type(NS).__name__, NS.__name__, NS.__module__, NS.__qualname__)
print(NS.__doc__)
try: NS().x
except AttributeError as e: print(e)
print(NS(a=1).__eq__(3))
del n.a
print(n.__dict__.keys())
print(type(sys.implementation) is NS, sys.implementation.hexversion == sys.hexversion)
print(sys.implementation.version == sys.version_info, type(sys.implementation.cache_tag))
