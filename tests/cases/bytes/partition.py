def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: b'a=b=c'.partition(b'='))
t(lambda: b'a=b=c'.rpartition(b'='))
t(lambda: b'abc'.partition(b'x'))
t(lambda: b'abc'.rpartition(b'x'))
t(lambda: b'abc'.partition(b''))
t(lambda: bytearray(b'a=b').partition(b'='))
