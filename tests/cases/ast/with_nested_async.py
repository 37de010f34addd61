async def f():
    async with a as b:
        with c as d:
            async with (e, f as g):
                pass
