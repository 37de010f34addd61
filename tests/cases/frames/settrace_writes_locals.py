import sys

def local(frame, event, arg):
    if event == "line" and frame.f_lineno - target.__code__.co_firstlineno == 2:
        frame.f_locals["value"] = "set by the debugger"
        frame.f_locals["injected"] = 1
    return local

def global_tracer(frame, event, arg):
    return local if frame.f_code.co_name == "target" else None

def target():
    value = "original"
    print(value)
    print(sorted(sys._getframe().f_locals))

sys.settrace(global_tracer)
target()
sys.settrace(None)
