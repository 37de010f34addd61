def make_counters():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = make_counters()
inc(); inc()
print(get(), inc.__closure__[0].cell_contents, inc.__code__.co_freevars)
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fns = [lambda i=i: i for i in range(3)]
print([f() for f in fns])
def outer():
    x = "outer"
    def mid():
        def inner():
            return x
        return inner
    return mid()()
print(outer())
def late():
    def read():
        return value
    try:
        read()
    except NameError as e:
        print(type(e).__name__, e)
    value = 1
    return read()
print(late())
g = "global"
def shadow():
    g = "local"
    def see():
        return g
    return see()
print(shadow(), g)
def set_global():
    global g2
    g2 = "made"
set_global()
print(g2)
