def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

t(lambda: int('1' * 4300) > 0)
t(lambda: int('1' * 4301))
t(lambda: len(str(10 ** 4299)))
t(lambda: str(10 ** 4300))
t(lambda: int('1' * 5000, 16) > 0)
t(lambda: repr(-10 ** 5000))
