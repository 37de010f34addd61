import sys

class Pause:
    def __await__(self):
        yield "paused"

async def agen():
    print("running:", a.ag_running)
    await Pause()
    yield "value"

a = agen()
print("created:", a.ag_running, a.ag_await, a.ag_frame.f_code.co_name)
step = a.asend(None)
print(step.send(None))
print("awaiting:", type(a.ag_await).__name__, a.ag_running)
print(a.ag_frame.f_lineno - agen.__code__.co_firstlineno)
try:
    step.send(None)
except StopIteration as e:
    print("yielded", e.value)
print("suspended at yield:", a.ag_await, a.ag_frame.f_lineno - agen.__code__.co_firstlineno)
step2 = a.asend(None)
try:
    step2.send(None)
except StopAsyncIteration:
    print("finished")
print(a.ag_frame)
print([x for x in dir(a) if x.startswith("ag_")])
