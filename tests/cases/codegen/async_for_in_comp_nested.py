async def f():
    return [x for y in z async for x in y]
