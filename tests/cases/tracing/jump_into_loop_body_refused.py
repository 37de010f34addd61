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
    if event == "line" and frame.f_lineno == base + 1:
        for to in (3, 4, 6, 7):
            try:
                frame.f_lineno = base + to
            except ValueError as e:
                results.append((to, str(e)))
            else:
                results.append((to, "ok"))
                frame.f_lineno = base + 1
    return local

def tracer(frame, event, arg):
    return local if frame.f_code.co_name == "target" else None

def target():
    out = []
    for i in range(2):
        for j in range(2):
            out.append((i, j))
    while out:
        out.pop()
    return out

sys.settrace(tracer)
print(target())
sys.settrace(None)
for r in results:
    print(r)
