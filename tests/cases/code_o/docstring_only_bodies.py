def f():
    "doc"

class C:
    "doc"

async def g():
    "doc"
    await x
