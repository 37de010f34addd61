# The UTF-7 codec: direct characters, base64 runs, errors, incremental decoding.
import _codecs, codecs
for s in ['a+b€', 'Hi Mom -☺-!', '日本語', 'A≢Α.', '~\\x', '\U0001f600a', 'a-b', '+', '€-', '€a', 'x\n\t y']:
    e = s.encode('utf-7')
    print(ascii(s), e, e.decode('utf-7') == s)
print(_codecs.utf_7_decode(b'a+IKw', 'strict', False), _codecs.utf_7_decode(b'a+IKw', 'strict', True))
for bad in [b'+IK-', b'a\xffb', b'+\x01', b'+2D3', b'+AGE']:
    try:
        print(bad.decode('utf-7'))
    except UnicodeDecodeError as e:
        print(e)
    print(ascii(bad.decode('utf-7', 'replace')))
d = codecs.getincrementaldecoder('utf-7')()
print(repr(d.decode(b'a+IK')), repr(d.decode(b'w-b', final=True)))
