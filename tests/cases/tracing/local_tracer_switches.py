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

def second(frame, event, arg):
    events.append(("second", event, frame.f_lineno - frame.f_code.co_firstlineno))
    return None

def first(frame, event, arg):
    events.append(("first", event, frame.f_lineno - frame.f_code.co_firstlineno))
    if event == "line":
        return second
    return first

def tracer(frame, event, arg):
    if frame.f_code.co_name == "target":
        return first
    return None

def target():
    a = 1
    b = 2
    c = 3
    return a

sys.settrace(tracer)
target()
sys.settrace(None)
dump()
