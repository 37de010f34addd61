def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

b = b'hello'
t(lambda: b.startswith(b'he'))
t(lambda: b.startswith((b'x', b'h')))
t(lambda: b.endswith(b'lo', 0, 5))
t(lambda: b.startswith('h'))
t(lambda: b.startswith((b'a', 'h')))
t(lambda: bytearray(b'abc').endswith(bytearray(b'c')))
