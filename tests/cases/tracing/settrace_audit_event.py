import sys

seen = []

def hook(event, args):
    if event.startswith("sys.set"):
        seen.append((event, args))

sys.addaudithook(hook)

def tracer(frame, event, arg):
    return None

sys.settrace(tracer)
sys.settrace(None)
sys.setprofile(tracer)
sys.setprofile(None)
print(seen)
