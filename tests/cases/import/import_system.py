import sys
# The modules this case imports live in support/ (not cases themselves).
SUPPORT = __file__.rsplit("/", 1)[0] + "/support"
sys.path.insert(0, SUPPORT)
import helper
print(helper.value, helper.__name__, helper.__package__, helper.__file__.endswith("helper.py"))
import pkg
print(pkg.__name__, pkg.__package__, [p.endswith("pkg") for p in pkg.__path__], pkg.attr)
import pkg.mod as m
print(m.__name__, m.__package__, m.rel_value, pkg.mod is m)
from pkg import mod, sub
print(mod.rel_value, sub.__name__)
from pkg.sub.deep import deep_value
print(deep_value)
import pkg.sub.deep
print(pkg.sub.deep.deep_value)
from helper import *
print(public, "_private" in dir())
try:
    import nonexistent
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import helper.child
except ModuleNotFoundError as e:
    print(e)
try:
    from helper import missing
except ImportError as e:
    print(e.args[0].replace(SUPPORT, "DIR"))
try:
    import broken
except ZeroDivisionError as e:
    print("broken:", e)
import sys
print("broken" in sys.modules, "helper" in sys.modules, "pkg.sub.deep" in sys.modules)
import circ_a
print(circ_a.done)
try:
    from pkg import nothing
except ImportError as e:
    print(e.args[0].replace(SUPPORT, "DIR"))
import ns.inner.leaf
print(ns.inner.leaf.x, ns.__file__ if hasattr(ns, "__file__") else "nofile")
import math, itertools
print(math.floor(2.5), repr(math))
