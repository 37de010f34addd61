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

count = 0

def local(frame, event, arg):
    global count
    base = target.__code__.co_firstlineno
    if event == "line" and frame.f_lineno == base + 5 and count == 0:
        count += 1
        frame.f_lineno = base + 2
    return local

def tracer(frame, event, arg):
    return local if frame.f_code.co_name == "target" else None

def target():
    out = []
    n = 0
    while n < 2:
        out.append(n)
        n += 1
    out.append("end")
    return out

sys.settrace(tracer)
print(target())
sys.settrace(None)
