# unicode_escape, raw_unicode_escape, escape_encode/decode and charmap codecs.
import _codecs, codecs
print(_codecs.escape_decode(b'a\\n\\x41\\101\\q'), _codecs.escape_encode(b"a\n\x01'\\"))
print(_codecs.unicode_escape_decode(b'a\\u20ac\\n\\N{EURO SIGN}\\x41'), _codecs.unicode_escape_encode('a\u20ac\n\'\\\U0001f600\x7f'))
print(_codecs.raw_unicode_escape_decode(b'a\\u20ac\\n\\\\u0041'), _codecs.raw_unicode_escape_encode('a\u20ac\n\U0001f600'))
for bad in [b'\\x4', b'\\u12', b'\\N{NOPE}', b'\\']:
    try:
        _codecs.unicode_escape_decode(bad)
    except UnicodeDecodeError as e:
        print(e)
print(_codecs.unicode_escape_decode(b'a\\x4', 'replace'), _codecs.unicode_escape_decode(b'a\\u12', 'strict', False))
try:
    _codecs.escape_decode(b'\\x4')
except ValueError as e:
    print(e)
print(_codecs.charmap_decode(b'\x00\x02', 'strict', 'xyz'), _codecs.charmap_decode(b'ab'))
print(_codecs.charmap_decode(b'\x00\x01', 'replace', {0: 'A', 1: None}))
table = _codecs.charmap_build('abc')
print(table, _codecs.charmap_encode('cab', 'strict', table))
try:
    _codecs.charmap_encode('cad', 'strict', table)
except UnicodeEncodeError as e:
    print(e)
print(_codecs.charmap_encode('cad', 'replace', {ord('c'): 1, ord('a'): 2, ord('?'): 63}))
print('x\u20ac'.encode('unicode_escape'), b'\\u20ac'.decode('unicode-escape'), 'x\u20ac'.encode('raw_unicode_escape'))
print(codecs.escape_decode(b'\\t'), codecs.encode(b'\x01', 'escape_codec') if False else '')
