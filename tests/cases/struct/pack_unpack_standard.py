import struct

values = {
    'b': [-128, -1, 0, 127], 'B': [0, 1, 255], 'h': [-32768, -2, 32767], 'H': [0, 65535],
    'i': [-2**31, -5, 2**31 - 1], 'I': [0, 2**32 - 1], 'l': [-2**31, 2**31 - 1],
    'L': [0, 2**32 - 1], 'q': [-2**63, 2**63 - 1, -1], 'Q': [0, 2**64 - 1],
    '?': [True, False], 'f': [1.5, -0.25, 3.4028234663852886e38], 'd': [1e308, -2.5, 0.1],
    'e': [1.0, -2.0, 65504.0, 0.000061035], 'c': [b'a', b'\x00', b'\xff'],
}
for prefix in '<>!=':
    for code, items in values.items():
        for value in items:
            fmt = prefix + code
            data = struct.pack(fmt, value)
            back = struct.unpack(fmt, data)
            print(fmt, repr(value), data.hex(), back, struct.calcsize(fmt))

print(struct.pack('<hhl', 1, 2, 3))
print(struct.pack('>3h2q', 1, 2, 3, 4, 5))
print(struct.unpack('>3h2q', struct.pack('>3h2q', 1, 2, 3, 4, 5)))
print(struct.pack('<?', 'nonempty'), struct.pack('<?', []), struct.pack('<?', 0.0))
print(struct.unpack('<?', b'\x01'), struct.unpack('<?', b'\x00'))
print(struct.pack('<i', True), struct.pack('<d', 3), struct.pack('<f', 2))


class Index:
    def __index__(self):
        return 7


class Float:
    def __float__(self):
        return 2.5


print(struct.pack('<i', Index()), struct.pack('<d', Index()), struct.pack('<d', Float()))
print(struct.pack('<Q', 2**64 - 1), struct.unpack('<Q', b'\xff' * 8), struct.unpack('<q', b'\xff' * 8))
print(struct.pack('>x3x'), struct.unpack('<xbx', b'\x00\x05\x00'))
print(struct.unpack(b'<h', b'\x01\x02'), struct.pack(b'>h', 258))
