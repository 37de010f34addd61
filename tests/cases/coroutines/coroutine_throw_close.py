class Pause:
    def __await__(self):
        try:
            yield "paused"
        except KeyError as e:
            print("Pause got", repr(e))
            yield "after KeyError"
        finally:
            print("Pause finally")
        return "pause result"

async def coro():
    try:
        r = await Pause()
        print("awaited", r)
        return "end"
    finally:
        print("coro finally")

c = coro()
print(c.send(None))
print(c.throw(KeyError("k")))
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
print(c.cr_frame, c.cr_suspended)

c2 = coro()
c2.send(None)
c2.close()
print("closed", c2.cr_frame)

c3 = coro()
c3.send(None)
try:
    c3.throw(ValueError("v"))
except ValueError as e:
    print("propagated", repr(e))

w = coro().__await__()
print(type(w).__name__, next(w))
w.close()
