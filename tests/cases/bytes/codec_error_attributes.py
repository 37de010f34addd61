try:
    'aé€b'.encode('ascii')
except UnicodeEncodeError as e:
    print(type(e).__name__, e.encoding, ascii(e.object), e.start, e.end, e.reason)
    print(str(e))
    print(isinstance(e, UnicodeError), isinstance(e, ValueError))
try:
    b'ab\xffc'.decode('utf-8')
except UnicodeDecodeError as e:
    print(type(e).__name__, e.encoding, e.object, e.start, e.end, e.reason)
    print(str(e))
try:
    b'\xe2\x82'.decode()
except ValueError as e:
    print(e.start, e.end, e.reason)
print(issubclass(UnicodeDecodeError, UnicodeError), UnicodeEncodeError.__mro__[1].__name__)
