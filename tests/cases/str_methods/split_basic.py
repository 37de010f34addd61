def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: 'a,b,,c'.split(','))
t(lambda: 'a,b,,c'.split(',', 1))
t(lambda: '  a  b  c  '.split())
t(lambda: '  a  b  c  '.split(None, 1))
t(lambda: ''.split())
t(lambda: ''.split(','))
t(lambda: 'a b'.split(maxsplit=0))
t(lambda: 'a\tb\nc\x1cd'.split())
t(lambda: 'abc'.split(''))
t(lambda: 'abc'.split(1))
t(lambda: 'a b'.split(sep=' ', maxsplit='1'))
