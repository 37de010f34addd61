# seek/tell on binary and text files.
path = '/tmp/pyrite_case_seek'
with open(path, 'wb') as f:
    print(f.write(b'0123456789'), f.tell())
    print(f.seek(2), f.tell())
    f.write(b'ab')
    print(f.seek(0, 2), f.seek(-3, 2), f.tell())
with open(path, 'rb') as f:
    print(f.read(4), f.tell())
    print(f.seek(1, 1), f.read(2))
    print(f.seek(0), f.read())
with open(path, 'w') as f:
    f.write('line one\nline two\nline three\n')
with open(path) as f:
    f.readline()
    pos = f.tell()
    print(pos, repr(f.readline()))
    f.seek(pos)
    print(repr(f.readline()))
    print(f.seek(0, 2))
    try:
        f.seek(1, 1)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.seek(-1)
    except ValueError as e:
        print(e)
with open(path, 'r+b') as f:
    print(f.truncate(4), f.read())
import os
os.remove(path)
