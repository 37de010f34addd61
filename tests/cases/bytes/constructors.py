def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: bytes())
t(lambda: bytes(3))
t(lambda: bytes([65, 66, 67]))
t(lambda: bytes(range(5)))
t(lambda: bytes(b'abc'))
t(lambda: bytes(bytearray(b'xy')))
t(lambda: bytes('abc', 'ascii'))
t(lambda: bytes('é', 'utf-8'))
t(lambda: bytes('abc'))
t(lambda: bytes(-1))
t(lambda: bytes([256]))
t(lambda: bytes([-1]))
t(lambda: bytes(['a']))
t(lambda: bytes(1.5))
t(lambda: bytes(b'x', 'ascii'))
t(lambda: bytes('x', encoding='utf-16-le'))
t(lambda: bytes((1, 2)))
