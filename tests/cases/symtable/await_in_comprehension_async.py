async def f(y, z):
    return [x for x in y if await z], {await a for a in y}
