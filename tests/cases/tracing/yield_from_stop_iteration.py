import sys

events = []

def tracer(frame, event, arg):
    if frame.f_code.co_name.startswith("c"):
        if event == "exception":
            events.append((frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno,
                           arg[0].__name__, repr(arg[1]), arg[2] is None))
    return tracer

def g_none(n):
    for i in range(n):
        yield i

def g_tuple():
    yield 1
    return (1, 2)

class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration(5)

def c1():
    yield from g_none(2)

def c2():
    x = yield from g_tuple()
    return x

def c3():
    yield from It()

def c4():
    for x in It():
        pass
    for x in g_tuple():
        pass
    for x in g_none(2):
        pass

def c5():
    try:
        next(g_none(0))
    except StopIteration:
        pass
    return list(g_tuple())

for f in (c1, c2, c3, c4, c5):
    events.clear()
    sys.settrace(tracer)
    r = f()
    if r is not None and not isinstance(r, list):
        list(r)
    sys.settrace(None)
    print(f.__name__, events)
