async def f():
    yield 1
    await x
