def f[T](a=1, *, b=2, c) -> T:
    pass
async def g[T](*, k=None):
    pass
