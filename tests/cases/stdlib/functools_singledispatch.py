from functools import singledispatch
@singledispatch
def show(x): return "object"
@show.register
def _(x: int): return "int"
@show.register(list)
def _(x): return "list"
print(show(1), show([]), show("s"))
