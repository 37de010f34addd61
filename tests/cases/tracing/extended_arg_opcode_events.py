import sys
src = "def target():\n" + "".join(f"    v{i} = {i}.5\n" for i in range(260)) + "    return v259\n"
ns = {}
exec(src, ns)
target = ns["target"]
events = []
def local(frame, event, arg):
    if frame.f_lineno - frame.f_code.co_firstlineno >= 259:
        events.append((event, frame.f_lineno - frame.f_code.co_firstlineno, frame.f_lasti))
    return local
def tracer(frame, event, arg):
    if frame.f_code.co_name == "target":
        frame.f_trace = local
        frame.f_trace_opcodes = True
        return local
sys.settrace(tracer)
target()
sys.settrace(None)
for e in events: print(e)
