async def f():
    return [[y async for y in x] for x in z if await x]
async def g():
    return {k: [v async for v in k] async for k in ks}
