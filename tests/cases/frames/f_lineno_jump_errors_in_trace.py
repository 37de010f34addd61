import sys

results = []
targets = {}

def local(frame, event, arg):
    base = target.__code__.co_firstlineno
    if event == "line" and frame.f_lineno == base + 1:
        for offset in (3, 5, 9, 11, 100, -5, 0):
            try:
                frame.f_lineno = base + offset
            except Exception as e:
                results.append((offset, type(e).__name__, str(e).replace(str(base + offset), "N")))
            else:
                results.append((offset, "ok"))
                frame.f_lineno = base + 1
        try:
            frame.f_lineno = "x"
        except Exception as e:
            results.append(("str", type(e).__name__, str(e)))
        try:
            frame.f_lineno = 2 ** 100
        except Exception as e:
            results.append(("huge", type(e).__name__, str(e)))
    return local

def global_tracer(frame, event, arg):
    return local if frame.f_code.co_name == "target" else None

class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        pass

def target():
    x = 0
    for i in range(2):
        x += i
    try:
        x += 1
    except ValueError:
        x += 2
    with CM() as fh:
        x += 3
    return x
    x = 10

sys.settrace(global_tracer)
print(target())
sys.settrace(None)
for r in results:
    print(r)
