def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

t(lambda: int(None))
t(lambda: int([]))
t(lambda: int(12, 10))
t(lambda: int(x='12'))
t(lambda: int(1, 2, 3))
t(lambda: int(base=10))
t(lambda: int())
t(lambda: int(3.99))
t(lambda: int(-3.99))
t(lambda: int(1e20))
t(lambda: int(float('inf')))
t(lambda: int(float('nan')))
t(lambda: int(True))
