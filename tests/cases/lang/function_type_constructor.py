import types

def template(a, *, b=1):
    return a, b

f = types.FunctionType(template.__code__, globals(), "renamed", None, None, kwdefaults={"b": 5})
print(f.__name__, f.__kwdefaults__, f(1))
g = types.FunctionType(code=template.__code__, globals=globals(), name="g", kwdefaults=None)
print(g.__name__, g.__kwdefaults__)
for args, kwargs in [((), {}), ((template.__code__,), {}), ((template.__code__, {}, None, None, None, None, 7), {}),
                     ((template.__code__, {}), {"bogus": 1}), ((template.__code__, {}), {"code": 1}),
                     ((template.__code__, {}), {"kwdefaults": 3})]:
    try:
        types.FunctionType(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
