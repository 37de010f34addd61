import sys
import inspect

def f():
    fr = inspect.currentframe()
    print(fr is sys._getframe())
    info = inspect.getframeinfo(fr)
    print(info.function, info.lineno - f.__code__.co_firstlineno, info.code_context)
    print([fi.function for fi in inspect.stack()[:2]])
    print(sorted(inspect.getargvalues(fr).locals))
    print(inspect.getgeneratorstate((x for x in [])))

f()

def gen():
    yield 1

g = gen()
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
g.close()
print(inspect.getgeneratorstate(g))
