async def f():
    await x
    async for a in b:
        pass
    else:
        pass
    async with c as d, e:
        pass
    async with (f as g, h as i):
        pass
    r = [i async for i in aiter() if await i]
    s = {k: v async for k, v in pairs()}
    t = (x async for x in y)
    u = {z async for z in w}
    return await g()
async def h(a, *, b=1) -> int:
    return [await z for z in y]
