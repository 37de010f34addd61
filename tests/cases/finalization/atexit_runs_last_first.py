import atexit

def goodbye(name, *, punctuation="."):
    print("goodbye", name + punctuation)

def failing():
    raise ValueError("boom in atexit")

atexit.register(goodbye, "first")
atexit.register(failing)
atexit.register(goodbye, "second", punctuation="!")
atexit.register(print, "unregistered")
atexit.unregister(print)
print("main done")
