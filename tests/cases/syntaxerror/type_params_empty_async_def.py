async def f[]():
    pass
