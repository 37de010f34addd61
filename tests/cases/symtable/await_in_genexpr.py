async def f(it):
    return (await x for x in it)
