def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, kw)
print(f(1, d=4))
print(f(1, 2, 3, 4, 5, d=6, z=7))
print(f(1, c=9, d=0))
for call in (lambda: f(d=1), lambda: f(1, a=2, d=3), lambda: f(1, 2, 3),
             lambda: f(1, d=1, d2=2, **{"d": 3})):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
def g(x, y):
    return x - y
print(g(y=1, x=5), g(*[9], **{"y": 2}))
for bad in (lambda: g(1), lambda: g(1, 2, 3), lambda: g(1, x=2), lambda: g(1, z=3),
            lambda: g(**{1: 2}), lambda: g(*5)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
def kwonly(*, a, b):
    return a + b
try:
    kwonly(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    kwonly()
except TypeError as e:
    print("TypeError:", e)
def defaults(x, acc=[]):
    acc.append(x)
    return acc
print(defaults(1), defaults(2))
print(f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)
print(f.__name__, f.__qualname__, defaults.__defaults__)
