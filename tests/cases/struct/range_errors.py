import struct


def attempt(fmt, *values):
    try:
        print(fmt, struct.pack(fmt, *values))
    except Exception as e:
        print(fmt, type(e).__name__, e)


for fmt, value in [('<b', 128), ('<b', -129), ('<B', -1), ('<B', 256), ('<h', 40000),
                   ('<H', -1), ('<i', 2**31), ('<I', -1), ('<I', 2**32), ('<l', 2**31),
                   ('<L', -1), ('<q', 2**63), ('<Q', -1), ('<Q', 2**64), ('>q', 2**70),
                   ('!Q', 2**70), ('b', 128), ('B', 256), ('h', 40000), ('H', -1),
                   ('i', 2**31), ('I', -1), ('q', 2**63), ('Q', -1), ('q', -2**63 - 1)]:
    attempt(fmt, value)
for fmt, value in [('<b', 'x'), ('<b', 1.5), ('<i', None), ('<i', 1.0), ('<q', '1'),
                   ('<f', 'x'), ('<d', None), ('<e', []), ('<c', b'ab'), ('<c', 'a'),
                   ('<c', bytearray(b'a')), ('<c', 97), ('<s', 1), ('<p', 'ab'),
                   ('<s', 'ab'), ('<f', 1e300), ('<e', 1e6), ('<e', 65520.0),
                   ('<f', 3.4028236e38)]:
    attempt(fmt, value)


class BadIndex:
    def __index__(self):
        raise ValueError("no index")


class BadBool:
    def __bool__(self):
        raise RuntimeError("no bool")


attempt('<i', BadIndex())
attempt('<?', BadBool())
attempt('<hh', 1)
attempt('<h', 1, 2)
attempt('<x', 1)
attempt('3s4p', b'a')
