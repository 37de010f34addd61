# codecs.py on top of _codecs: BOMs, getencoder/getdecoder, iterencode, streams.
import codecs, io
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE)
print(codecs.getencoder('latin-1')('é'), codecs.getdecoder('utf-16')(b'\xff\xfea\x00'))
print(list(codecs.iterencode(['a', 'é'], 'utf-8')), ''.join(codecs.iterdecode([b'\xc3', b'\xa9'], 'utf-8')))
stream = io.BytesIO()
writer = codecs.getwriter('utf-8')(stream)
writer.write('€uro')
print(stream.getvalue())
reader = codecs.getreader('utf-16')(io.BytesIO('line1\nline2'.encode('utf-16')))
print(reader.readlines())
print(codecs.decode(b'\xe2\x82\xac', 'utf-8'), codecs.encode('x', 'ascii'))
print(codecs.lookup('cp1252').name, codecs.lookup('latin_1').name, codecs.lookup('UTF16').name)
print('é'.encode('cp437', 'replace'), b'\x82'.decode('cp437'), 'Ω'.encode('iso8859_7'), 'ü'.encode('mac_roman'))
try:
    'abc'.encode('rot13')
except LookupError as e:
    print(e)
print(codecs.encode('abc', 'rot13'))
