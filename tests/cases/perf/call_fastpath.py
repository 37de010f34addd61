# Calls of Python functions whose positional arguments bind exactly, and classes with
# a Python __init__, take shortcuts: errors, defaults, closures and recursion must match.
def add(a, b=10, c=20):
    return a + b + c

print(add(1), add(1, 2), add(1, 2, 3))
try:
    add()
except TypeError as e:
    print("TypeError:", e)
try:
    add(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
add.__defaults__ = (5,)
print(add(1, 2))
try:
    add(1)
except TypeError as e:
    print("TypeError:", e)

def outer():
    x = 7
    def inner(y):
        return x + y
    return inner
print(outer()(1))

class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y

p = Point(3, 4)
print(p.x, p.y, p.norm2(), Point(5).y)
try:
    Point()
except TypeError as e:
    print("TypeError:", e)

class Bad:
    def __init__(self):
        return 1
try:
    Bad()
except TypeError as e:
    print("TypeError:", e)

class Raises:
    def __init__(self, value):
        raise ValueError(value)
try:
    Raises("boom")
except ValueError as e:
    print("ValueError:", e)

class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", args)
        return super().__call__(*args)
class WithMeta(metaclass=Meta):
    def __init__(self, a):
        self.a = a
print(WithMeta(1).a)

class CustomNew:
    def __new__(cls, value):
        print("__new__", value)
        return super().__new__(cls)
    def __init__(self, value):
        self.value = value
print(CustomNew(2).value)

class NotInstance:
    def __new__(cls, value):
        return value
    def __init__(self, value):
        print("never")
print(NotInstance(3))

class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
for _ in range(5):
    Counter()
print(Counter.instances)

def recurse(n):
    return recurse(n + 1)
try:
    recurse(0)
except RecursionError as e:
    print("RecursionError:", e)

class Deep:
    def __init__(self, n):
        self.child = Deep(n + 1)
try:
    Deep(0)
except RecursionError as e:
    print("RecursionError")

def gen(a, b):
    yield a
    yield b
print(list(gen(1, 2)))
