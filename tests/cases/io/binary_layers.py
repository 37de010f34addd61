# The buffered and raw layers behind open(): types, reprs, peek/read1/readinto.
path = '/tmp/pyrite_case_layers'
with open(path, 'wb') as f:
    print(f, type(f).__name__, f.raw, f.name, f.mode)
    f.write(b'abc\ndef\nghi')
with open(path, 'rb') as f:
    print(f.peek(1)[:1], f.read1(2), f.readline(), f.readline(2))
    b = bytearray(3)
    print(f.readinto(b), b)
    print(f.read(), f.read())
with open(path, 'rb', buffering=0) as f:
    print(f, f.read(2), f.readall())
with open(path, 'r+b') as f:
    print(type(f).__name__, f.read(2))
    f.write(b'XY')
    f.seek(0)
    print(f.read())
import io
raw = io.FileIO(path)
print(raw, raw.mode, raw.closefd, raw.readable(), raw.writable())
raw.close()
print(raw, raw.closed)
import os
os.remove(path)
