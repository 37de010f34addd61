def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for b in [b'', b'abc', b"it's", b'"', b'\'"', b'\x00\x7f\x80\xff', b'\t\n\r\\']:
    print(repr(b), str(b), repr(bytearray(b)))
