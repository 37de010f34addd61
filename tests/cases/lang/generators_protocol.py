def echo():
    received = []
    try:
        while True:
            value = yield len(received)
            received.append(value)
    except GeneratorExit:
        print("closing with", received)
        raise
    finally:
        print("finally")
g = echo()
print(next(g), g.send("a"), g.send("b"))
g.close()
print(g.gi_running if hasattr(g, "gi_running") else None)
def counter(n):
    for i in range(n):
        try:
            yield i
        except ValueError as e:
            print("thrown", e)
            yield -1
c = counter(3)
print(next(c), c.throw(ValueError("boom")), next(c), next(c))
try:
    next(c)
except StopIteration as e:
    print("stop", e.value)
def delegate():
    result = yield from inner()
    print("inner returned", result)
    yield "after"
def inner():
    yield 1
    yield 2
    return "done"
print(list(delegate()))
def returns():
    yield 1
    return 42
r = returns()
next(r)
try:
    next(r)
except StopIteration as e:
    print("value", e.value)
def first_send():
    yield
try:
    first_send().send(1)
except TypeError as e:
    print(e)
def running():
    yield gen_ref.send(None)
gen_ref = running()
try:
    next(gen_ref)
except ValueError as e:
    print(e)
