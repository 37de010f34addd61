def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: 'aaaa'.count('a'))
t(lambda: 'aaaa'.count('aa'))
t(lambda: 'aaaa'.count(''))
t(lambda: 'aaaa'.count('a', 1, 3))
t(lambda: 'aaaa'.count('', 10))
t(lambda: 'abc'.count(None))
