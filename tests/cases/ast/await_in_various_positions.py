async def f():
    x = [await a, await b]
    y = {await c: await d}
    z = await e if await f else await g
    w = (await h)[0]
    v = await i.j
    u = f(await k, key=await l)
    async for m in await n:
        pass
    async with await o as p:
        pass
