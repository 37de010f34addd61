async def f(it):
    return [[y async for y in x] async for x in it]
