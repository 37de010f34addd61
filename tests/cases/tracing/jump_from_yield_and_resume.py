import sys
log = []
def gen():
    a = 1
    yield a
    b = 2
    yield b
    yield 3

def local(frame, event, arg):
    base = gen.__code__.co_firstlineno
    off = frame.f_lineno - base
    log.append((event, off))
    if event == "return" and off == 2 and not log.count("jumped"):
        log.append("jumped")
        try:
            frame.f_lineno = base + 4
        except Exception as e:
            log.append(str(e))
    if event == "call" and off == 4 and log.count("jumped2") == 0:
        log.append("jumped2")
        try:
            frame.f_lineno = base + 6
        except Exception as e:
            log.append(str(e))
    if event == "opcode":
        try:
            frame.f_lineno = base + 1
        except Exception as e:
            log.append(("opcode", str(e)))
        frame.f_trace_opcodes = False
    return local

def tracer(frame, event, arg):
    if frame.f_code.co_name == "gen":
        frame.f_trace_opcodes = True
        return local(frame, event, arg)
    return None

sys.settrace(tracer)
print(list(gen()))
sys.settrace(None)
for l in log: print(l)
