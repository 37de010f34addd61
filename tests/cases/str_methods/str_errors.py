def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: 'abc'.upper(1))
t(lambda: 'abc'.split(',', 1, 2))
t(lambda: 'abc'.split(x=1))
t(lambda: 'abc'.find())
t(lambda: 'abc'.strip('a', 'b'))
t(lambda: 'abc'.center())
t(lambda: 'abc'.join())
t(lambda: str.upper(1))
