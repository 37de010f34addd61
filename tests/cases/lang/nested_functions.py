def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def accumulator():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add
acc = accumulator()
print(acc(1), acc(10), acc(100))
def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(3) for m in make_multipliers()])
def recursive_inner(n):
    def helper(k):
        return 0 if k == 0 else k + helper(k - 1)
    return helper(n)
print(recursive_inner(50))
def attrs():
    pass
attrs.custom = 5
print(attrs.custom, attrs.__dict__, attrs.__module__)
