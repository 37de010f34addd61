# The Unicode*Error classes: constructor checks, attributes and messages.
e = UnicodeEncodeError('ascii', 'a\u20acb', 1, 2, 'bad')
print(repr(e), e.args, str(e), e.encoding, e.object, e.start, e.end, e.reason)
print(UnicodeEncodeError('ascii', 'a\u20acb', 1, 3, 'bad'))
print(UnicodeEncodeError('ascii', 'a\xe9b', 1, 2, 'bad'))
d = UnicodeDecodeError('utf-8', b'a\xff', 1, 2, 'bad')
print(d, repr(d), d.object)
print(UnicodeDecodeError('utf-8', bytearray(b'a\xff'), 0, 2, 'bad'))
t = UnicodeTranslateError('a\u20acb', 1, 2, 'bad')
print(t, t.encoding)
for args in [(), ('x',), (1, 2, 3, 4, 5)]:
    try:
        UnicodeEncodeError(*args)
    except TypeError as x:
        print(x)
try:
    'é'.encode('ascii')
except UnicodeEncodeError as x:
    print(x.args)
e.end = 3
print(e)
