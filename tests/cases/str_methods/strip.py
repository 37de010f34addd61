def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: '  a b  '.strip())
t(lambda: '  a b  '.lstrip())
t(lambda: '  a b  '.rstrip())
t(lambda: 'xxaxx'.strip('x'))
t(lambda: 'xyaxy'.strip('yx'))
t(lambda: '\t\n a \x1f'.strip())
t(lambda: 'abc'.strip(None))
t(lambda: 'abc'.strip(1))
t(lambda: '\u3000a\u00a0'.strip())
