# Newline translation on reading and writing, and the newlines attribute.
path = '/tmp/pyrite_case_newlines'
with open(path, 'wb') as f:
    f.write(b'a\nb\r\nc\rd')
for newline in [None, '', '\n', '\r', '\r\n']:
    with open(path, newline=newline) as f:
        print(repr(newline), f.readlines(), f.newlines)
    with open(path, newline=newline) as f:
        print(repr(newline), repr(f.read()))
for newline in [None, '', '\n', '\r', '\r\n']:
    with open(path, 'w', newline=newline) as f:
        f.write('x\ny\r\n')
    with open(path, 'rb') as f:
        print(repr(newline), f.read())
import os
os.remove(path)
