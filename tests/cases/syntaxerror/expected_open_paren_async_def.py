async def g:
    pass
