try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .. import anything
except ImportError as e:
    print(type(e).__name__, e)
import sys
print(sys.modules["__main__"].__name__, __package__, __spec__)
import math as m, itertools as it
from math import pi, floor as fl
print(m.pi == pi, fl(2.7), it.__name__)
try:
    from math import nope
except ImportError as e:
    print(e)
