import sys
events = []
def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name in ("inner", "outer", "agen", "runner", "loop"):
        a = arg
        if event == "exception": a = (arg[0].__name__,)
        elif event == "return" and not isinstance(arg, (int, str, type(None))): a = type(arg).__name__
        events.append((name, event, frame.f_lineno - frame.f_code.co_firstlineno, a))
    return tracer
def inner():
    try:
        yield 1
    except ValueError:
        yield "handled"
    return "inner done"
def outer():
    r = yield from inner()
    yield r
def loop():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise KeyError(i)
            out.append(i)
        except KeyError:
            continue
        finally:
            out.append("f")
    return len(out)
async def agen():
    yield 1
    yield 2
def runner():
    g = agen()
    try:
        g.asend(None).send(None)
    except StopIteration as e:
        pass
    return "ran"
sys.settrace(tracer)
o = outer()
next(o)
o.throw(ValueError)
next(o)
loop()
runner()
sys.settrace(None)
for e in events: print(e)
