# The _operator module: operator functions, itemgetter/attrgetter/methodcaller, length_hint, _compare_digest.
import _operator as op
tests = [lambda: op.itemgetter(), lambda: op.attrgetter(), lambda: op.attrgetter(1), lambda: op.methodcaller(), lambda: op.methodcaller(1),
 lambda: op.itemgetter(1)(), lambda: op.itemgetter(1)([1,2], 3), lambda: op.itemgetter(1, k=2), lambda: op.attrgetter("a", k=1),
 lambda: op.itemgetter(1)(x=1),
 lambda: repr(op.itemgetter(1)), repr(op.itemgetter(1, "a")), repr(op.attrgetter("a.b", "c")), repr(op.methodcaller("m", 1, k=2)),
 lambda: op.itemgetter(1, 2).__reduce__(), lambda: op.attrgetter("a.b").__reduce__(), lambda: op.methodcaller("m", 1, k=2).__reduce__(), lambda: op.methodcaller("m", 1).__reduce__(),
 lambda: op._compare_digest(1, 2), lambda: op._compare_digest("a", b"a"), lambda: op._compare_digest("é", "é"), lambda: op._compare_digest("ab", "ab"), lambda: op._compare_digest(b"ab", bytearray(b"ab")),
 lambda: op.concat(1, 2), lambda: op.concat([1], (2,)), lambda: op.iconcat(1, 2), lambda: op.countOf([1,2,1], 1), lambda: op.indexOf([1,2], 3), lambda: op.indexOf([1,2], 2),
 lambda: op.length_hint(iter([1,2,3])), lambda: op.length_hint(5), lambda: op.length_hint(5, "x"), lambda: op.length_hint(5, -1),
 lambda: op.index(1.5), lambda: op.is_none(None), lambda: op.is_not_none(1), lambda: op.call(max, 1, 2), lambda: op.call(), lambda: op.truth([]), lambda: op.not_(1),
 lambda: op.add(1), lambda: op.add(1, 2, 3), lambda: op.pow(2, 10), lambda: op.ipow([], 2), lambda: op.neg("x"), lambda: op.inv(5), lambda: op.abs(-3), lambda: op.getitem({1:2}, 1), lambda: op.delitem([1], 5),
 lambda: op.attrgetter("a..b"), lambda: op.attrgetter(".a"), lambda: op.itemgetter.__name__, lambda: type(op.itemgetter(1)), lambda: op.add.__name__, lambda: op.add,
 lambda: op.methodcaller("count", 1)([1,1,2]), lambda: op.attrgetter("real", "imag")(3+4j), lambda: op.attrgetter("__class__.__name__")(1),
 lambda: op.length_hint([1,2]), lambda: op.length_hint(iter(range(10))), lambda: op.countOf(5, 1), lambda: op.contains([1], 1), lambda: op.lt(1, "a"), lambda: op.matmul(1, 2), lambda: op.imatmul(1,2),
]
for t in tests:
    try: print(t() if callable(t) else t)
    except Exception as e: print(type(e).__name__, e)
class LH:
    def __init__(s, v): s.v = v
    def __length_hint__(s): return s.v
for v in [3, NotImplemented, -1, 2.0, 2**70]:
    try: print(op.length_hint(LH(v), 7))
    except Exception as e: print(type(e).__name__, e)
class BadLen:
    def __len__(self): raise TypeError("nolen")
try: print(op.length_hint(BadLen(), 4))
except Exception as e: print(type(e).__name__, e)
class BadLen2:
    def __len__(self): raise ValueError("nolen")
try: print(op.length_hint(BadLen2(), 4))
except Exception as e: print(type(e).__name__, e)
class A: pass
a = A(); a.b = A(); a.b.c = 5
print(op.attrgetter("b.c")(a), op.attrgetter("b.c", "b")(a)[0])
try: op.attrgetter("b.d")(a)
except AttributeError as e: print(e)
import operator
print(operator.itemgetter is op.itemgetter, operator.__lt__ is op.lt, operator.add.__module__, op.itemgetter.__module__)
print(op.itemgetter(slice(1, 3))("abcdef"))
ig = op.itemgetter(0); print(type(ig.__call__).__name__, type(ig).__qualname__)
try:
    class Sub(op.itemgetter): pass
except TypeError as e:
    print(e)
