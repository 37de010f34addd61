def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: b'abc'[1:2] == b'b')
t(lambda: bytes(reversed(b'abc')))
t(lambda: b','.join(b'%d' % i for i in range(3)))
t(lambda: sorted([b'b', b'a', b'ab']))
t(lambda: b'a' * -1)
t(lambda: bytearray(b'ab') * 2)
t(lambda: b'abc' < b'abd' < b'b')
t(lambda: list(map(hex, b'\x00\xff')))
t(lambda: {bytearray(b'x'): 1})
t(lambda: b'x' in [b'x'])
t(lambda: bytearray(b'abc') == bytearray(b'abc'))
t(lambda: bytes(memoryview(bytearray(b'q'))))
t(lambda: bytearray(5).zfill(7))
t(lambda: b'\xff'.decode('latin-1').encode('latin-1'))
