import struct


def attempt(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


buf = bytearray(10)
struct.pack_into('<hi', buf, 2, -1, 0x01020304)
print(buf)
struct.pack_into('>h', buf, -2, 0x4142)
print(buf)
view = memoryview(buf)
struct.pack_into('<h', view, 0, 0x3132)
struct.pack_into('<b', view[4:], 1, 9)
print(buf)
print(struct.unpack_from('<hi', buf, 2), struct.unpack_from('>h', buf, -2), struct.unpack_from('<h', view))
print(struct.unpack_from('<h', buffer=buf, offset=8))
attempt(struct.pack_into, '<i', bytearray(5), 2, 1)
attempt(struct.pack_into, '<i', bytearray(5), -2, 1)
attempt(struct.pack_into, '<i', bytearray(5), -20, 1)
attempt(struct.pack_into, '<i', b'abcdefg', 0, 1)
attempt(struct.pack_into, '<i', memoryview(b'abcdefg'), 0, 1)
attempt(struct.pack_into, '<i', bytearray(8), 1.5, 1)
attempt(struct.pack_into, '<i', bytearray(8), 0)
attempt(struct.pack_into, '<i', bytearray(8))
attempt(struct.pack_into, '<i')
attempt(struct.pack_into, '<h', bytearray(4), 0, 1, 2)
attempt(struct.unpack_from, '<q', b'abc')
attempt(struct.unpack_from, '<q', b'abcdefghijk', 5)
attempt(struct.unpack_from, '<q', b'abc', -10)
attempt(struct.unpack_from, '<q', b'abcdefghijk', -2)
attempt(struct.unpack_from, '<h', b'abcd', -2)
attempt(struct.unpack_from, '<h')
attempt(struct.unpack_from, '<h', b'ab', 'x')
attempt(struct.unpack, '<q', b'abc')
attempt(struct.unpack, '<q', 'abcdefgh')
attempt(struct.unpack, '<h', [1, 2])
