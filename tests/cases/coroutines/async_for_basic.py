class Pause:
    def __await__(self):
        v = yield "tick"
        return v

class Counter:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        got = await Pause()
        return (self.i, got)

async def main():
    out = []
    async for item in Counter(3):
        out.append(item)
    return out

def run(coro):
    sent = None
    steps = 0
    while True:
        try:
            yielded = coro.send(sent)
        except StopIteration as e:
            return e.value, steps
        steps += 1
        sent = steps * 10

print(run(main()))
