class Pause:
    def __await__(self):
        yield "io"

async def agen(n):
    try:
        for i in range(n):
            await Pause()
            received = yield i
            if received is not None:
                print("received", received)
    finally:
        print("agen finally")

def run(awaitable):
    while True:
        try:
            awaitable.send(None)
        except StopIteration as e:
            return ("value", e.value)
        except StopAsyncIteration:
            return ("stop",)

a = agen(3)
n = a.__anext__()
print(type(a).__name__, type(n).__name__, a.__aiter__() is a)
n.close()
print(run(a.__anext__()))
print(run(a.asend("hello")))
print(run(a.__anext__()))
print(run(a.__anext__()))
print(run(a.__anext__()))

b = agen(5)
print(run(b.__anext__()))
print(run(b.aclose()))
print(run(b.__anext__()))

c = agen(5)
print(run(c.__anext__()))
try:
    run(c.athrow(ValueError("thrown")))
except ValueError as e:
    print("athrow raised", repr(e))

async def consumer():
    out = []
    async for v in agen(3):
        out.append(v)
    return out

print(run(consumer()))

async def comp():
    return [v * 2 async for v in agen(2)]

print(run(comp()))
