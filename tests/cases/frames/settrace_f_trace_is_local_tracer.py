import sys

seen = []

def local(frame, event, arg):
    seen.append(("local", event, frame.f_trace is local))
    return local

def global_tracer(frame, event, arg):
    if frame.f_code.co_name == "target":
        seen.append(("global", event, frame.f_trace))
        return local
    return None

def target():
    a = 1
    return sys._getframe().f_trace is local

sys.settrace(global_tracer)
r = target()
sys.settrace(None)
print(r)
for s in seen:
    print(s)
print(sys.gettrace())
