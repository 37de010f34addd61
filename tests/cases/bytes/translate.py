def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

table = bytes.maketrans(b'abc', b'xyz')
print(len(table), table[97:100])
t(lambda: b'aabbcc'.translate(table))
t(lambda: b'abc'.translate(None, b'b'))
t(lambda: b'abc'.translate(table, delete=b'a'))
t(lambda: b'abc'.translate(b'short'))
t(lambda: bytes.maketrans(b'ab', b'c'))
t(lambda: bytearray(b'abc').translate(table))
