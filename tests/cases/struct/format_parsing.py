import struct


def size(fmt):
    try:
        print(repr(fmt), struct.calcsize(fmt))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)


for fmt in ['', '<', 'b', 'bhiq', '@bhiq', '=bhiq', '<bhiq', '>bhiq', '!bhiq', 'bd', 'bhd',
            'b0d', '@b0q', 'cbB?', 'hb', 'ih', 'eb', '3h', '10s', '10p', '0s', '0x', '5x',
            '<3q', ' < 2h', '< h h ', '<\t\nh', 'bqb', 'xi', 'iq', 'qi', 'dfe', '2e',
            '<2 h', 'z', '<n', '<N', '<P', '>l', '3', '<10', 'h3', '9' * 30 + 'x',
            '<' + '9' * 30 + 's', 'hh$', b'<h', b'3i', '<l<']:
    size(fmt)
for bad in [5, None, 1.5, ['h']]:
    try:
        struct.calcsize(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    struct.calcsize()
except Exception as e:
    print(type(e).__name__, e)
try:
    struct.calcsize('h', 'h')
except Exception as e:
    print(type(e).__name__, e)
print(struct.pack('bhb', 1, 2, 3), struct.pack('@bi', 1, 2), struct.pack('<bi', 1, 2))
print(struct.unpack('bhb', struct.pack('bhb', 1, 2, 3)))
struct._clearcache()
print(struct.error, struct.error.__mro__, issubclass(struct.error, Exception))
import _struct
print(sorted(name for name in dir(_struct) if not name.startswith('__')))
print(_struct.error is struct.error, _struct.Struct is struct.Struct)
