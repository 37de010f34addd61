import sys
events = []
def local(frame, event, arg):
    events.append((event, frame.f_lineno and frame.f_lineno - frame.f_code.co_firstlineno, frame.f_lasti))
    return local
def tracer(frame, event, arg):
    if frame.f_code.co_name == "target":
        frame.f_trace = local
        frame.f_trace_opcodes = True
        return local
    return None
def target(n):
    t = 0
    for i in range(n):
        t += i
    while n:
        n -= 1
    try:
        1/0
    except ZeroDivisionError:
        pass
    return t
sys.settrace(tracer)
target(2)
sys.settrace(None)
for e in events: print(e)
