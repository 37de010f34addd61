def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: str())
t(lambda: str(12))
t(lambda: str(b'abc'))
t(lambda: str(b'h\xc3\xa9', 'utf-8'))
t(lambda: str(b'h\xe9', 'latin-1'))
t(lambda: str(b'\xff', 'utf-8', 'replace'))
t(lambda: str(b'\xff', errors='ignore'))
t(lambda: str('abc', 'utf-8'))
t(lambda: str(1, 'utf-8'))
t(lambda: str(bytearray(b'xy'), 'ascii'))
t(lambda: str(object=5))
