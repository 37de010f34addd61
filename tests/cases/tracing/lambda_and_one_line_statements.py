import sys
events = []
def tracer(frame, event, arg):
    if frame.f_code.co_name in ("target", "helper", "<lambda>"):
        events.append((frame.f_code.co_name, event, frame.f_lineno - frame.f_code.co_firstlineno))
    return tracer
def helper(x): return x
def target():
    f = lambda y: helper(y) + 1
    a = f(1); b = f(2)
    c = [f(i) for i in range(2)]
    for i in range(2): a += i
    x = (1 if a
         else 2)
    del a
    return b, c, x
sys.settrace(tracer)
target()
sys.settrace(None)
for e in events: print(e)
