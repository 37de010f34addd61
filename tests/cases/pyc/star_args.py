def f(*args, **kwargs):
    return args, sorted(kwargs.items())
print(f(), f(1, 2), f(a=1), f(1, *[2, 3], b=4, **{"c": 5}))
def g(a, b, c):
    return a * 100 + b * 10 + c
print(g(*(1, 2, 3)), g(1, *[2], **{"c": 3}), g(**{"a": 1, "b": 2, "c": 3}))
print(*range(3), sep=",")
first, second, *others = range(6)
print(first, second, others, [*"ab", *[1, 2]], (*"xy",), {**{"a": 1}, "b": 2})
