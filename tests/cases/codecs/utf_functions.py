# The _codecs functions behind encodings/utf_*.py, stateful decoding included.
import _codecs
print(_codecs.utf_8_decode(b'ab\xe2\x82', 'strict', False))
print(_codecs.utf_8_decode(b'ab\xe2\x82', 'replace', True))
print(_codecs.utf_8_decode(b'ab'), _codecs.utf_8_encode('ab\xe9'))
print(_codecs.utf_16_encode('ab'), _codecs.utf_16_le_encode('ab'), _codecs.utf_16_be_encode('ab'))
print(_codecs.utf_16_decode(b'\xff\xfea\x00b'))
try:
    _codecs.utf_16_decode(b'\xff\xfea\x00b', 'strict', True)
except UnicodeDecodeError as e:
    print(e)
print(_codecs.utf_16_ex_decode(b'\xfe\xff\x00a', 'strict', 0, True), _codecs.utf_16_ex_decode(b'a\x00', 'strict', 0, True))
print(_codecs.utf_16_le_decode(b'\x3d\xd8\x00', 'strict', False), _codecs.utf_16_be_decode(b'\x00a\x00'))
print(_codecs.utf_32_encode('a'), _codecs.utf_32_be_decode(b'\x00\x00\x00a\x00'), _codecs.utf_32_ex_decode(b'\xff\xfe\x00\x00a\x00\x00\x00'))
print(_codecs.latin_1_encode('a\xff'), _codecs.latin_1_decode(b'a\xff'), _codecs.ascii_encode('ab'), _codecs.ascii_decode(b'ab'))
print(_codecs.readbuffer_encode('ab'), _codecs.readbuffer_encode(b'cd'))
for bad in [lambda: _codecs.utf_8_decode('str'), lambda: _codecs.utf_8_encode(b'x'), lambda: _codecs.utf_8_decode(b'\xff')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
import codecs
d = codecs.getincrementaldecoder('utf-8')()
print(repr(d.decode(b'\xe2\x82')), repr(d.decode(b'\xac', final=True)))
d16 = codecs.getincrementaldecoder('utf-16')()
print(repr(d16.decode(b'\xff')), repr(d16.decode(b'\xfea\x00b')), repr(d16.decode(b'\x00', final=True)))
e16 = codecs.getincrementalencoder('utf-16')()
print(e16.encode('a'), e16.encode('b'))
for encoding in ['utf-8', 'utf-16', 'utf-16-le', 'utf-32', 'utf-32-be', 'latin-1', 'ascii', 'cp1252', 'iso8859-15']:
    print(encoding, 'Ab\u20ac'.encode(encoding, 'replace'), 'Ab\u20ac'.encode(encoding, 'replace').decode(encoding))
