def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for x in b'ab':
    print(x)
print(sorted(b'cab'), max(b'abc'), sum(b'\x01\x02'))
print(list(enumerate(bytearray(b'xy'))))
print(len(b''), len(b'abc'), len(bytearray(10)))
print(bool(b''), bool(b'\x00'), bool(bytearray()))
