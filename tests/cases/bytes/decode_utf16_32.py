def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: b'\xfe\xff\x00a'.decode('utf-16'))
t(lambda: b'a\x00b'.decode('utf-16'))
t(lambda: b'\x00\xd8'.decode('utf-16-le'))
t(lambda: b'\x00\xdc\x00a'.decode('utf-16-le'))
t(lambda: b'=\xd8\x00\xde'.decode('utf-16-le'))
t(lambda: b'\xff\xfe\x00\x00a\x00\x00\x00'.decode('utf-32'))
t(lambda: b'\x00\x00\x11\x00'.decode('utf-32-le'))
t(lambda: b'abc'.decode('utf-32-be'))
t(lambda: b'\x00\xd8'.decode('utf-16-le', 'replace'))
