import sys

class Pause:
    def __await__(self):
        yield "paused"
        return "resumed"

async def child():
    return await Pause()

async def coro():
    print("running:", c.cr_running, c.cr_suspended)
    r = await child()
    return r

c = coro()
print("created:", c.cr_running, c.cr_suspended, c.cr_await, c.cr_frame.f_code.co_name)
print(c.send(None))
print("suspended:", c.cr_running, c.cr_suspended)
print(type(c.cr_await).__name__, c.cr_await.cr_code.co_name)
print(type(c.cr_await.cr_await).__name__)
print(c.cr_frame.f_lineno - coro.__code__.co_firstlineno)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
print("finished:", c.cr_frame, c.cr_await, c.cr_suspended)
print(c.cr_origin)
print([a for a in dir(c) if a.startswith("cr_")])
