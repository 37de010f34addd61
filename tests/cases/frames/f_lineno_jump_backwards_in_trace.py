import sys

count = 0

def local(frame, event, arg):
    global count
    base = target.__code__.co_firstlineno
    if event == "line" and frame.f_lineno == base + 3 and count < 2:
        count += 1
        frame.f_lineno = base + 2
    return local

def global_tracer(frame, event, arg):
    return local if frame.f_code.co_name == "target" else None

def target():
    out = []
    out.append("again")
    out.append("done")
    return out

sys.settrace(global_tracer)
print(target())
sys.settrace(None)
