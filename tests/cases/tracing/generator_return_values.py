import sys

events = []

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name.startswith("c") or name.startswith("g"):
        shown = arg
        if event == "exception":
            shown = (arg[0].__name__, repr(arg[1]))
        elif event == "return" and arg is not None and not isinstance(arg, (int, str)):
            shown = type(arg).__name__
        events.append((name, event, frame.f_lineno - frame.f_code.co_firstlineno, shown))
    return tracer

def g_none(n):
    for i in range(n):
        yield i

def g_val(n):
    for i in range(n):
        yield i
    return "v"

def c_none():
    for x in g_none(1):
        pass

def c_val():
    return [x for x in g_val(1)]

for f in (c_none, c_val):
    events.clear()
    sys.settrace(tracer)
    f()
    sys.settrace(None)
    print(f.__name__)
    for e in events:
        print("   ", e)
