# codecs.lookup, search functions, name normalisation, CodecInfo.
import codecs
seen = []
def search(name):
    seen.append(name)
    if name == 'my_codec':
        return codecs.CodecInfo(lambda s, errors='strict': (s.upper().encode(), len(s)),
                                lambda b, errors='strict': (bytes(b).decode().lower(), len(b)),
                                name='my-codec')
    return None
codecs.register(search)
for name in ['  x--Y..z ', 'Ab_C d', 'a\tb', 'My-Codec']:
    try:
        print(codecs.lookup(name).name)
    except LookupError as e:
        print(e)
print(seen)
print(codecs.encode('abc', 'my-codec'), codecs.decode(b'ABC', 'my_codec'))
print('abc'.encode('my-codec'), b'XYZ'.decode('My Codec'))
codecs.unregister(search)
info = codecs.lookup('UTF-8')
print(info.name, codecs.lookup('latin1').name, codecs.lookup('u16').name)
print(codecs.lookup('utf8') is codecs.lookup('utf-8'))
for bad in ['nope', '']:
    try:
        codecs.lookup(bad)
    except LookupError as e:
        print(e)
def broken(name):
    return 1
codecs.register(broken)
try:
    codecs.lookup('zzz_unknown')
except TypeError as e:
    print(e)
codecs.unregister(broken)
try:
    codecs.register(1)
except TypeError as e:
    print(e)
