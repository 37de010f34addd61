f = lambda a=[1, 2], b={'k': (1,)}, *c, d=lambda: 0, **e: (a, b, c, d, e)
g = lambda x=(yield_value := 1): x
