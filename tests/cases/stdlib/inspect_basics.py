import inspect
def f(a, b=2, *args, c, **kw): pass
print(inspect.signature(f))
