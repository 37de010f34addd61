import sys

events = []

def local(frame, event, arg):
    events.append((frame.f_code.co_name, event, frame.f_lineno - frame.f_code.co_firstlineno, frame.f_lasti))
    return local

def global_tracer(frame, event, arg):
    if frame.f_code.co_name == "set_before_f_trace":
        # f_trace is still None during the call event: opcode tracing is not switched on
        frame.f_trace_opcodes = True
        frame.f_trace_lines = False
        return local
    if frame.f_code.co_name == "set_after_f_trace":
        frame.f_trace = local
        frame.f_trace_opcodes = True
        frame.f_trace_lines = False
        return local
    return None

def set_before_f_trace(a):
    b = a + 1
    return b

def set_after_f_trace(a):
    b = a + 1
    return b

sys.settrace(global_tracer)
set_before_f_trace(1)
set_after_f_trace(1)
sys.settrace(None)
for e in events:
    print(e)
print(len([e for e in events if e[1] == "opcode"]))
