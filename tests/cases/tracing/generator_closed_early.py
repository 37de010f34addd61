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

def gen():
    try:
        yield 1
        yield 2
    finally:
        x = "cleanup"

def target():
    found = any(v > 0 for v in [1, 2, 3])
    first = next(gen())
    return found, first

sys.settrace(make_tracer({"target", "gen", "<genexpr>"}))
print(target())
sys.settrace(None)
dump()
