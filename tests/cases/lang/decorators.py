def log(tag):
    def wrap(fn):
        def inner(*a, **k):
            print(tag, fn.__name__, a, k)
            return fn(*a, **k)
        inner.__name__ = fn.__name__
        inner.__wrapped__ = fn
        return inner
    return wrap
@log("call")
@log("outer")
def add(x, y=0):
    return x + y
print(add(2, y=3), add.__name__, add.__wrapped__.__name__)
def register(cls):
    cls.registered = True
    return cls
@register
class Thing:
    pass
print(Thing.registered)
class C:
    @staticmethod
    def s(x):
        return x * 2
    @classmethod
    def c(cls, x):
        return cls.__name__, x
    @property
    def p(self):
        return "prop"
print(C.s(4), C().s(5), C.c(1), C().c(2), C().p)
@(lambda fn: fn.__name__.upper())
def shout():
    pass
print(shout)
