def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: ','.join(['a', 'b', 'c']))
t(lambda: ''.join([]))
t(lambda: '-'.join('xyz'))
t(lambda: ','.join(['a', 1]))
t(lambda: ','.join(x for x in 'ab'))
t(lambda: ','.join(5))
