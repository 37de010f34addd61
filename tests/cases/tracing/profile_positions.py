import sys
events = []
def profiler(frame, event, arg):
    if frame.f_code.co_name == "target":
        events.append((event, frame.f_lineno - frame.f_code.co_firstlineno, frame.f_lasti, getattr(arg, "__name__", None)))
def target():
    a = len("x")
    b = abs(-2); c = 3
    try:
        int("z")
    except ValueError:
        pass
    return a + b + c
sys.setprofile(profiler)
target()
sys.setprofile(None)
for e in events: print(e)
