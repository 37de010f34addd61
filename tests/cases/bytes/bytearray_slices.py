def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

ba = bytearray(b'0123456789')
print(ba[2:5], ba[::3], ba[-3:], ba[5:2], ba[::-2])
ba[2:5] = bytearray(b'ab')
print(ba)
ba[:0] = b'<'
ba[len(ba):] = b'>'
print(ba)
ba[1:3] = range(65, 70)
print(ba)
del ba[:]
print(ba, len(ba))
