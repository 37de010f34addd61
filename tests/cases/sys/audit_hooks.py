import sys
events = []
def hook(event, args):
    if event == "my.event":
        events.append((event, args))
sys.addaudithook(hook)
sys.audit("my.event", 1, "two")
sys.audit("other.event")
print(events)
try:
    sys.audit()
except TypeError as e:
    print("TypeError")
