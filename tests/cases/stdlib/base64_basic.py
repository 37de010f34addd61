import base64
print(base64.b64encode(b'hello world'), base64.b64decode(b'aGVsbG8gd29ybGQ='))
print(base64.urlsafe_b64encode(b'\xff\xfe\xfd'), base64.urlsafe_b64decode('__79'))
print(base64.b32encode(b'hello'), base64.b32decode(b'NBSWY3DP'))
print(base64.b16encode(b'\x01\xab'), base64.b16decode('01AB'))
print(base64.a85encode(b'hello world'), base64.a85decode(base64.a85encode(b'hello world')))
print(base64.b85encode(b'hello world'), base64.b85decode(base64.b85encode(b'hello world')))
print(base64.encodebytes(b'x' * 60))
print(base64.standard_b64encode('abc'.encode()), base64.b64decode('YWJj', validate=True))
try:
    base64.b64decode('YW*j', validate=True)
except Exception as e:
    print(type(e).__name__, e)
print(base64.b32hexencode(b'abc'), base64.z85encode(b'abcd') if hasattr(base64, 'z85encode') else '')
