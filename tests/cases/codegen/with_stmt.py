with a:
    pass
with a as b:
    f(b)
with a as (b, c), d as e:
    pass
