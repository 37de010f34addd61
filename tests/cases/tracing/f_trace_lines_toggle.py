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

def local(frame, event, arg):
    offset = frame.f_lineno - frame.f_code.co_firstlineno
    events.append((event, offset))
    if offset == 1:
        frame.f_trace_lines = False
    if offset == 3 and event == "call":
        pass
    return local

def tracer(frame, event, arg):
    if frame.f_code.co_name == "target":
        return local
    if frame.f_code.co_name == "helper":
        sys._getframe(1).f_trace_lines = True
    return None

def helper():
    return 0

def target():
    a = 1
    helper()
    b = 2
    return a + b

sys.settrace(tracer)
target()
sys.settrace(None)
dump()
