async def agen():
    yield 1

g = agen()
x = g.asend(None)
del x
y = g.athrow(ValueError("v"))
del y
z = g.__anext__()
del z
w = g.aclose()
del w
print("end")
