import sys
import collections.abc

def f():
    x = 1
    p = sys._getframe().f_locals
    print(isinstance(p, collections.abc.Mapping), isinstance(p, collections.abc.MutableMapping))
    print(issubclass(type(p), collections.abc.Mapping))

f()
