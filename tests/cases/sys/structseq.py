import sys
for o in [sys.version_info, sys.float_info, sys.int_info]:
    t = type(o)
    print(t, t.__name__, t.__qualname__, t.__module__, t.__bases__, len(o))
    print(t.n_sequence_fields, t.n_fields, t.n_unnamed_fields, t.__match_args__)
    print(repr(o))
    print(hash(o) == hash(tuple(o)), o == tuple(o), o[:2], o[-1], isinstance(o, tuple))
    print(sorted(k for k in t.__dict__ if not k.startswith('__')))
    print(t.__doc__)
print(sys.version_info >= (3, 14), sys.version_info < (3, 15), sys.version_info.major)
print(type(sys.float_info).max, type(sys.float_info.max))
print(sys.float_info.__reduce__())
t = type(sys.float_info)
x = t(range(11))
print(x, x.max, type(x) is t)
print(t(range(11), {}), t(sequence=range(11)))
for args in [(), (range(3),), (range(13),), (5,), (range(11), 5), (range(11), {'a': 1}),
             (range(11), {'max': 1})]:
    try:
        t(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    sys.float_info.max = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    del sys.float_info.max
except AttributeError as e:
    print("AttributeError:", e)
try:
    sys.float_info.foo = 3
except AttributeError as e:
    print("AttributeError:", e)
r = sys.float_info.__replace__(max=1.0, dig=3)
print(r.max, r.dig, r.radix, type(r).__name__)
v = sys.version_info.__replace__(major=1)
print(v, type(v) is type(sys.version_info))
for bad in [lambda: sys.float_info.__replace__(nope=1), lambda: sys.float_info.__replace__(1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    class X(type(sys.float_info)):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    type(sys.version_info)((3, 14, 0, 'final', 0))
except TypeError as e:
    print("TypeError:", e)
print(type(sys.float_info).__dict__['max'])
match sys.version_info:
    case (major, minor, *_):
        print("matched", major, minor)
match sys.int_info:
    case type(sys.int_info)(bits_per_digit=b):
        print("class pattern", b)
a, b, *rest = sys.int_info
print(a, b, rest, list(reversed(sys.int_info)), sys.int_info.index(4), 4300 in sys.int_info)
print(sys.int_info + (1,), sys.int_info * 1 == sys.int_info)
