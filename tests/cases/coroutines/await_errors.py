def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)

async def await_value(v):
    return await v

class BadAwait:
    def __await__(self):
        return 42

made = []

class CoroAwait:
    def __await__(self):
        made.append(await_value(None))
        return made[-1]

def drive(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value
    finally:
        c.close()

attempt("int", lambda: drive(await_value(1)))
attempt("non-iterator", lambda: drive(await_value(BadAwait())))
attempt("returns coroutine", lambda: drive(await_value(CoroAwait())))
made[0].close()

async def simple():
    return 5

c = simple()
attempt("first send", lambda: drive(c))
attempt("reuse", lambda: c.send(None))
d = simple()
attempt("non-None first", lambda: d.send(1))
d.close()
e = simple()
attempt("iterate coroutine", lambda: iter(e))
attempt("next coroutine", lambda: next(e))
e.close()

async def no_aiter():
    async for x in 1:
        pass
attempt("async for int", lambda: drive(no_aiter()))

async def no_aenter():
    async with 1:
        pass
attempt("async with int", lambda: drive(no_aenter()))

async def raises_stop():
    raise StopIteration("x")
attempt("StopIteration inside", lambda: drive(raises_stop()))
