import sys

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)

class Pause:
    def __await__(self):
        yield "paused"

async def coro():
    await Pause()
    return "done"

c = coro()
print(c.send(None))
attempt("clear suspended coroutine frame", c.cr_frame.clear)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
print(c.cr_frame)
