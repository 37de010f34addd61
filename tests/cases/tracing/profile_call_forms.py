import sys
events = []
def profiler(frame, event, arg):
    if event.startswith("c_"):
        events.append((frame.f_code.co_name, event, getattr(arg, "__name__", None)))
    else:
        events.append((frame.f_code.co_name, event))
def target():
    args = (1, 2)
    kwargs = {"sep": "-"}
    print(*args, **kwargs)
    m = [].append
    m(3)
    f = max
    f(*[4, 5])
    isinstance(1, int)
    type(3)
    return divmod(7, 2)
sys.setprofile(profiler)
target()
sys.setprofile(None)
for e in events: print(e)
