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
    if event.startswith("c_"):
        events.append((frame.f_code.co_name, event, getattr(arg, "__name__", None), type(getattr(arg, "__self__", None)).__name__))
    elif frame.f_code.co_name in ("target", "key"):
        events.append((frame.f_code.co_name, event, show(arg)))

def key(v):
    return -v

def target():
    s = "abc".upper()
    d = {"a": 1}
    d.get("a")
    items = [1, 2]
    items.sort(key=key)
    return str.lower(s)

sys.setprofile(profiler)
target()
sys.setprofile(None)
dump()
