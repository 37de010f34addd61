[x async for x in it]
