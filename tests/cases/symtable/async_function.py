async def f(aw, it, cm):
    x = await aw
    async for i in it:
        pass
    async with cm as c:
        pass
    return [j async for j in it], [await k for k in it]
