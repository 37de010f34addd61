async def agen():
    yield 1
    await g()
