def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t(lambda: b'a'.split(b'', 1, 2))
t(lambda: b'a'.find())
t(lambda: b'a'.join())
t(lambda: b'a'.center())
t(lambda: b'a'.replace(b'a'))
t(lambda: bytearray().append())
t(lambda: bytearray().insert(0))
t(lambda: b'a'.decode(1))
t(lambda: b'a'.strip(1))
t(lambda: b'a'.count('a'))
t(lambda: b'a'.partition())
