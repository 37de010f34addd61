import sys

def gen():
    local = "kept"
    yield sys._getframe()

g = gen()
fr = next(g)
del g
print(fr.f_code.co_name, fr.f_locals["local"])
print(type(fr.f_generator).__name__)
print(fr.f_generator is None, fr.f_lineno - gen.__code__.co_firstlineno)
fr.clear()
print(sorted(fr.f_locals))
