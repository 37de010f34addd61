import struct


def attempt(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


s = struct.Struct('<hi')
print(repr(s), s.format, s.size, type(s), type(s).__name__, type(s).__module__)
print(struct.Struct(b'>q').format, repr(struct.Struct(b'>q')), struct.Struct(format='<b').size)
print(s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00\x00\x00'))
print(s.unpack_from(b'xx\x01\x00\x02\x00\x00\x00', 2), s.unpack_from(b'\x01\x00\x02\x00\x00\x00zz'))
print(s.unpack_from(buffer=b'\x01\x00\x02\x00\x00\x00', offset=0))
print(sorted(x for x in dir(struct.Struct) if not x.startswith('__')))
attempt(s.pack, 1)
attempt(s.pack, 1, 2, 3)
attempt(s.unpack, b'ab')
attempt(s.unpack, 'abcdef')
attempt(s.unpack_from, b'abcdefg', 2)
attempt(s.iter_unpack, b'abc')
attempt(struct.Struct, 5)
attempt(struct.Struct)
attempt(struct.Struct, 'z')
attempt(s.pack_into, bytearray(3), 0, 1, 2)
it = struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
print(iter(it) is it, list(it))
print(list(s.iter_unpack(b'\x01\x00\x02\x00\x00\x00' * 2)))
print(list(struct.iter_unpack('<h', b'')))
print(list(struct.iter_unpack('<h', bytearray(b'\x05\x00'))), list(struct.iter_unpack('<h', memoryview(b'\x06\x00'))))
attempt(struct.iter_unpack, '', b'abc')
attempt(struct.iter_unpack, '<i', b'abcdefg')
attempt(struct.iter_unpack, '<i')
attempt(struct.pack)
attempt(struct.unpack, '<h')
print(struct.unpack('<h', bytearray(b'\x01\x00')), struct.unpack('<h', memoryview(b'\x01\x02')))
