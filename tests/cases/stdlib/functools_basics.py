import functools
from functools import partial, reduce, lru_cache, wraps, cmp_to_key, total_ordering, cached_property
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 7))
def f(a, b, c=3): return (a, b, c)
p = partial(f, 1, c=9)
print(p(2), p.args, p.keywords, p.func is f, partial(p, 5)())
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())
@lru_cache(maxsize=2)
def sq(n): return n * n
print([sq(i) for i in (1, 2, 1, 3, 2)], sq.cache_info())
def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        "inner doc"
        return fn(*a, **k)
    return inner
@deco
def hello(x):
    "hello doc"
    return x
print(hello.__name__, hello.__doc__, hello.__wrapped__.__name__, hello(3))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
class C:
    @cached_property
    def val(self):
        print("computing")
        return 42
c = C(); print(c.val, c.val)
