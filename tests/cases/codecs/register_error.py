# Custom error handlers through codecs.register_error.
import codecs
def mark(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('<%d-%d>' % (exc.start, exc.end), exc.end)
    return ('[%s]' % exc.object[exc.start:exc.end].hex(), exc.end)
codecs.register_error('mark', mark)
print('aéb€'.encode('ascii', 'mark'), b'a\xffb\xfe'.decode('ascii', 'mark'))
print('aé'.encode('latin-1', 'mark'), 'x€'.encode('latin-1', 'mark'))
print(codecs.lookup_error('mark') is mark)
def skip_back(exc):
    return ('?', -1) if exc.start < 3 else ('!', exc.end)
codecs.register_error('back', skip_back)
print('ab€x€'.encode('ascii', 'back'))
def bad(exc):
    return 1
codecs.register_error('bad', bad)
try:
    'é'.encode('ascii', 'bad')
except TypeError as e:
    print(e)
try:
    codecs.register_error('x', 1)
except TypeError as e:
    print(e)
for name in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace',
             'surrogateescape', 'surrogatepass']:
    print(codecs.lookup_error(name).__name__)
try:
    codecs.lookup_error('nope')
except LookupError as e:
    print(e)
e = UnicodeEncodeError('ascii', 'a\u20acb', 1, 2, 'bad')
for name in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace']:
    print(name, codecs.lookup_error(name)(e))
d = UnicodeDecodeError('ascii', b'a\xff\xfe', 1, 3, 'bad')
for name in ['ignore', 'replace', 'backslashreplace', 'surrogateescape']:
    print(name, ascii(codecs.lookup_error(name)(d)))
try:
    codecs.lookup_error('xmlcharrefreplace')(d)
except TypeError as e:
    print(e)
