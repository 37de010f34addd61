with (a as b, c as d):
    pass
with (a as b,
      c as d,):
    pass
with (a, b):
    pass
with (a):
    pass
with (a, b) as c:
    pass
with (yield_value) as x:
    pass
with (
    open("a") as fa,
    open("b") as fb,
):
    pass
