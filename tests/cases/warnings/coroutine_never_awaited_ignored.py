import _warnings

_warnings.filters.insert(0, ("ignore", None, RuntimeWarning, None, 0))


async def job():
    pass


job()
print("nothing shown")
