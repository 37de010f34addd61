import sys

events = []

def show(arg):
    if arg is None or isinstance(arg, (int, str, bool)):
        return arg
    if isinstance(arg, tuple) and len(arg) == 3 and isinstance(arg[0], type):
        return (arg[0].__name__, str(arg[1]))
    return type(arg).__name__

def make_tracer(names):
    def tracer(frame, event, arg):
        name = frame.f_code.co_name
        if name in names:
            events.append((name, event, frame.f_lineno - frame.f_code.co_firstlineno, show(arg)))
        return tracer
    return tracer

def dump():
    for event in events:
        print(event)

results = []

def local(frame, event, arg):
    base = target.__code__.co_firstlineno
    offset = frame.f_lineno - base
    if event in ("return", "exception") or (event == "line" and offset in (2, 7)):
        for to in (5, 8, 10):
            try:
                frame.f_lineno = base + to
            except ValueError as e:
                results.append((event, offset, to, str(e)))
            else:
                results.append((event, offset, to, "ok"))
                return local
    return local

def tracer(frame, event, arg):
    return local if frame.f_code.co_name == "target" else None

def target():
    x = 0
    try:
        x = 1 / x
    except ZeroDivisionError:
        x = 2
    with open(__file__) as f:
        x = 3
    x = 4
    return x

sys.settrace(tracer)
print(target())
sys.settrace(None)
for r in results:
    print(r)
