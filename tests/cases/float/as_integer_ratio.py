def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for x in [1.5, 0.1, -0.25, 0.0, -0.0, 1e300, 5e-324, 2.0**60]:
    print(x.as_integer_ratio())
t(lambda: float('inf').as_integer_ratio())
t(lambda: float('nan').as_integer_ratio())
print((1.0).is_integer(), (1.5).is_integer(), float('inf').is_integer(), (-0.0).is_integer())
