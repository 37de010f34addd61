import struct


def attempt(fmt, *values):
    try:
        print(fmt, struct.pack(fmt, *values))
    except Exception as e:
        print(fmt, type(e).__name__, e)


for value in [0.0, -0.0, 1.0, 0.1, 1e-8, 6e-8, 1e-5, 65504.0, 65519.99, 0.333333,
              2.0 ** -24, 2.0 ** -25, 3 * 2.0 ** -25, 1.0009765625, 1.00048828125,
              1.00146484375, float('inf'), float('-inf'), float('nan')]:
    for fmt in ['<e', '>e', '<f', '>d']:
        attempt(fmt, value)
for data in [b'\x00\x7c', b'\x00\xfc', b'\x01\x00', b'\xff\x7b', b'\x00\x3c', b'\x55\x35',
             b'\x00\x80']:
    print(data, struct.unpack('<e', data))
print(struct.unpack('<e', b'\x00\x7e')[0] != struct.unpack('<e', b'\x00\x7e')[0])
print(struct.unpack('>f', b'\x7f\x80\x00\x00'), struct.unpack('<f', b'\xcd\xcc\xcc\x3d'))
print(struct.pack('<f', 3.4028235e38), struct.pack('<f', 1e-50), struct.pack('<f', -1e-50))
for fmt, value in [('<5s', b'abcdefgh'), ('<5s', b'ab'), ('<5s', bytearray(b'xy')),
                   ('<5p', b'abcdefgh'), ('<5p', b'ab'), ('<0p', b'ab'), ('<1p', b'ab'),
                   ('<0s', b'abc'), ('<s', b''), ('<2c', b'a')]:
    attempt(fmt, value)
print(struct.pack('<300p', b'a' * 299)[:3], len(struct.pack('<300p', b'a' * 299)))
print(struct.unpack('<300p', bytes([255]) + b'a' * 299)[0][:3], len(struct.unpack('<300p', bytes([255]) + b'a' * 299)[0]))
print(struct.unpack('<3p', b'\x05ab'), struct.unpack('<3p', b'\x01ab'), struct.unpack('<s0s2s', b'abc'))
print(struct.pack('<2c', b'a', b'b'), struct.unpack('<3c', b'xyz'), struct.unpack('<4s', bytearray(b'abcd')))
print(struct.pack('<4sh', b'ab', 7), struct.unpack('<4sh', b'ab\x00\x00\x07\x00'))
