# io.BytesIO: reading, writing, seeking, readinto, errors.
import io
b = io.BytesIO(b'abc\ndef')
print(b.read(2), b.tell(), b.readline(), b.read(), b.read())
print(b.seek(1), b.write(b'XY'), b.getvalue())
print(b.seek(0, 2), b.write(bytearray(b'!')), b.getvalue())
b.seek(12)
b.write(b'z')
print(b.getvalue())
print(b.truncate(3), b.getvalue(), b.tell())
b.seek(0)
buf = bytearray(2)
print(b.readinto(buf), buf, b.read1(5))
for bad in [lambda: b.seek(-1), lambda: b.write('x'), lambda: io.BytesIO('x')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(b.seek(-100, 1), b.tell())
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed)
with io.BytesIO(b'1\n2\n') as c:
    print(list(c), bytes(c.getbuffer()))
print(c.closed)
try:
    c.read()
except ValueError as e:
    print(e)
