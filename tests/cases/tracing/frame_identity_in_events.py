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

frames = []

def tracer(frame, event, arg):
    if frame.f_code.co_name == "target":
        frames.append(frame)
        events.append((event, frame.f_back.f_code.co_name, frame.f_trace is None))
    return tracer

def target():
    x = sys._getframe()
    return x

sys.settrace(tracer)
result = target()
sys.settrace(None)
print(all(f is result for f in frames))
dump()
