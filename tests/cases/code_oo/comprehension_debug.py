def f(xs):
    return [x for x in xs if __debug__]

def g(xs):
    return {x: __debug__ for x in xs}
