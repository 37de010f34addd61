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

def profiler(frame, event, arg):
    if not event.startswith("c_"):
        events.append((frame.f_code.co_name, event, show(arg)))

def fails():
    raise IndexError("i")

def callee(x):
    return x + 1

def target():
    try:
        fails()
    except IndexError:
        pass
    return callee(1)

sys.setprofile(profiler)
target()
sys.setprofile(None)
dump()
print(sys.getprofile())
