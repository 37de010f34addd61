import sys

events = []

def show(arg):
    if arg is None or isinstance(arg, (int, str, bool)):
        return arg
    if isinstance(arg, tuple) and len(arg) == 3 and isinstance(arg[0], type):
        return (arg[0].__name__, str(arg[1]))
    return type(arg).__name__

def make_tracer(names):
    def tracer(frame, event, arg):
        name = frame.f_code.co_name
        if name in names:
            events.append((name, event, frame.f_lineno - frame.f_code.co_firstlineno, show(arg)))
        return tracer
    return tracer

def dump():
    for event in events:
        print(event)

class Later:
    def __await__(self):
        value = yield "suspended"
        return value

async def leaf():
    got = await Later()
    return got * 2

async def root():
    result = await leaf()
    return result + 1

sys.settrace(make_tracer({"leaf", "root", "__await__"}))
coro = root()
print(coro.send(None))
try:
    coro.send(20)
except StopIteration as e:
    print("result", e.value)
sys.settrace(None)
dump()
