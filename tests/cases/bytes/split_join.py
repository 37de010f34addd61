def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: b'a,b,,c'.split(b','))
t(lambda: b'  a b  '.split())
t(lambda: b'a b c'.split(None, 1))
t(lambda: b'a b c'.rsplit(None, 1))
t(lambda: b'a,b'.rsplit(b',', maxsplit=0))
t(lambda: b'a'.split(b''))
t(lambda: b'a'.split(','))
t(lambda: b'-'.join([b'a', bytearray(b'b'), b'c']))
t(lambda: b'-'.join([b'a', 'b']))
t(lambda: bytearray(b',').join([b'x', b'y']))
t(lambda: b'a\nb\r\nc'.splitlines())
t(lambda: b'a\nb\r\nc'.splitlines(keepends=True))
t(lambda: bytearray(b'a b').split())
