async def agen():
    """async generator doc"""
    yield 1

async def coro():
    """coroutine doc"""
    assert agen
    return 2
