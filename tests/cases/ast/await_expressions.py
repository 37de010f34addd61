async def f():
    await a
    await a.b
    await a()
    await a[0]
    x = await a ** 2
    y = -await b
    z = [await c for c in d]
    return await (await e)
