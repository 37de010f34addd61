import struct
class Header(struct.Struct):
    tag = 'hdr'
h = Header('<hh')
print(h.size, h.tag, h.pack(1, 2), h.unpack(b'\x01\x00\x02\x00'), type(h).__name__, isinstance(h, struct.Struct))
print(repr(h), h.format)
h.extra = 5
print(h.extra)
