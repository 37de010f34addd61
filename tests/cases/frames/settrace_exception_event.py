import sys

events = []

def local(frame, event, arg):
    if event == "exception":
        typ, value, tb = arg
        events.append((frame.f_code.co_name, event, typ.__name__, str(value), tb.tb_frame is frame, frame.f_lineno - frame.f_code.co_firstlineno))
    elif event in ("call", "return"):
        events.append((frame.f_code.co_name, event, arg))
    return local

def global_tracer(frame, event, arg):
    if frame.f_code.co_name in ("raiser", "catcher"):
        return local(frame, event, arg)
    return None

def raiser():
    raise KeyError("k")

def catcher():
    try:
        raiser()
    except KeyError:
        return "caught"

sys.settrace(global_tracer)
catcher()
sys.settrace(None)
for e in events:
    print(e)
