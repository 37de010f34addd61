def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(b'abc', b'\x00\n', rb'\n', b'a' b'b', len(b'\xff'))
x = b'const'
print(x is b'const' or True, type(x).__name__, type(bytearray).__name__)
