# encode/decode with every built-in error handler.
text = 'a\xe9\u20ac\U0001f600b'
for handler in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace']:
    for encoding in ['ascii', 'latin-1']:
        try:
            print(handler, encoding, text.encode(encoding, handler))
        except UnicodeEncodeError as e:
            print(handler, encoding, 'error:', e, e.start, e.end)
data = b'a\xff\xfeb\xc3'
for handler in ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape']:
    for encoding in ['ascii', 'utf-8']:
        try:
            print(handler, encoding, ascii(data.decode(encoding, handler)))
        except UnicodeDecodeError as e:
            print(handler, encoding, 'error:', e)
print('a\udcff'.encode('utf-8', 'surrogateescape'), 'a\ud800'.encode('utf-8', 'surrogatepass'))
print(ascii(b'\xed\xa0\x80'.decode('utf-8', 'surrogatepass')))
try:
    'x'.encode('ascii', 'nosuchhandler\u20ac' and 'nosuch')
except LookupError as e:
    print(e)
