# BufferedRWPair reads from one stream and writes to another.
import io
reader = io.BytesIO(b'input data\nsecond')
writer = io.BytesIO()
pair = io.BufferedRWPair(reader, writer)
print(pair.read(5), pair.peek(1)[:1], pair.read1(3))
print(pair.write(b'out'), writer.getvalue())
pair.flush()
print(writer.getvalue(), pair.readable(), pair.writable(), pair.closed)
pair.close()
print(pair.closed, reader.closed, writer.closed)
b = io.BufferedReader(io.BytesIO(b'xyz'))
print(b, b.read(), b.raw.getvalue())
w = io.BufferedWriter(io.BytesIO())
w.write(b'q')
raw = w.detach()
print(raw.getvalue())
try:
    w.write(b'x')
except ValueError as e:
    print(e)
try:
    io.BufferedReader(io.BytesIO(), 0)
except ValueError as e:
    print(e)
