import sys

events = []

def local(frame, event, arg):
    events.append((event, frame.f_lineno - target.__code__.co_firstlineno))
    if event == "line" and frame.f_lineno - target.__code__.co_firstlineno == 1:
        frame.f_trace_lines = False
    return local

def global_tracer(frame, event, arg):
    if frame.f_code.co_name == "target":
        return local
    return None

def target():
    a = 1
    b = 2
    c = 3
    return a + b + c

sys.settrace(global_tracer)
target()
sys.settrace(None)
print(events)
