def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(b'abc'.__getnewargs__(), bytes.__bytes__(b'x'))
print(b'ab'.isascii(), b'\x80'.isascii())
print(type(bytearray(b'x').upper()).__name__, type(b'x'.upper()).__name__)
print(bytearray(b'a').__alloc__() >= 1)
t(lambda: b'x'.upper(1))
