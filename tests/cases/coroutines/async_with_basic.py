class Pause:
    def __await__(self):
        yield "tick"

class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    async def __aenter__(self):
        print("enter", self.name)
        await Pause()
        return self.name.upper()
    async def __aexit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        await Pause()
        return self.swallow

async def main():
    async with CM("a") as a:
        print("body", a)
    async with CM("b", swallow=True) as b:
        raise ValueError("boom")
    print("after b")
    try:
        async with CM("c"):
            raise KeyError("k")
    except KeyError as e:
        print("caught", repr(e))
    return "done"

def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value

print(run(main()))
