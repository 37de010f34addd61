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

def tracer(frame, event, arg):
    if frame.f_code.co_name == "target":
        events.append((event, show(arg)))
        if event == "return":
            raise LookupError("at return")
    return tracer

def target():
    return 5

def caller():
    try:
        return target()
    except LookupError as e:
        return "caught " + str(e)

sys.settrace(tracer)
print(caller())
print(sys.gettrace())
dump()
