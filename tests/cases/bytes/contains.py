def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

b = b'hello'
print(b'ell' in b, b'' in b, 104 in b, 0 in b, b'x' in b, bytearray(b'lo') in b)
t(lambda: 'h' in b)
t(lambda: 256 in b)
t(lambda: -1 in b)
print(104 in bytearray(b'h'))
