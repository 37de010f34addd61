# TextIOWrapper over BytesIO: encodings, errors, reconfigure, detach, line_buffering.
import io
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding='latin-1', newline='\n')
print(t.write('é\n'), t.encoding, t.errors, t.line_buffering, t.write_through)
t.flush()
print(b.getvalue())
t.reconfigure(encoding='utf-8')
t.write('é')
t.flush()
print(b.getvalue(), t.encoding)
raw = t.detach()
print(raw is b)
try:
    t.write('x')
except ValueError as e:
    print(e)
t2 = io.TextIOWrapper(io.BytesIO(b'a\xffb'), encoding='ascii', errors='replace')
print(repr(t2.read()))
t3 = io.TextIOWrapper(io.BytesIO(b'a\xffb'), encoding='ascii')
try:
    t3.read()
except UnicodeDecodeError as e:
    print(e)
t4 = io.TextIOWrapper(io.BytesIO(), encoding='utf-16')
t4.write('hi')
t4.flush()
print(t4.buffer.getvalue())
try:
    io.TextIOWrapper(io.BytesIO(), encoding='nope')
except LookupError as e:
    print(e)
t5 = io.TextIOWrapper(io.BytesIO(), line_buffering=True)
t5.write('a')
print(t5.buffer.getvalue())
d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode('a\r')), repr(d.decode('\nb\r', final=True)), d.newlines)
