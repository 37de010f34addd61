def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

b = b'hello'
print(b[0], b[-1], b[1:3], b[::-1], b[::2], b[10:])
t(lambda: b[5])
t(lambda: b['a'])
ba = bytearray(b'hello')
print(ba[0], ba[1:3], ba[::-1])
t(lambda: ba[5])
t(lambda: ba['x'])
print(list(b), list(ba))
