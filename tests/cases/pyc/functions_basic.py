def add(a, b=10, *args, c=5, **kwargs):
    return a + b + sum(args) + c + sum(kwargs.values())
print(add(1), add(1, 2), add(1, 2, 3, 4), add(1, c=0), add(1, 2, x=100))
def greet(name, greeting="Hello"):
    return f"{greeting}, {name}!"
print(greet("Ann"), greet("Bo", greeting="Hi"), greet(greeting="Yo", name="Cy"))
def no_return():
    pass
print(no_return())
args = (1, 2)
kw = {"c": 3}
print(add(*args, **kw), add(*[1], **{"x": 1}))
f = lambda x, y=2: x * y
print(f(3), f(3, 3), (lambda: "zero")())
def posonly(a, /, b, *, c):
    return (a, b, c)
print(posonly(1, 2, c=3), posonly(1, b=2, c=3))
